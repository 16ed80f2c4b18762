import type { Entry } from "@/content/schema";
import { stepAnchor } from "@/urls";

/**
 * Structured data for search engines, one shape per kind: a problem is a TechArticle, a question
 * an FAQPage, a guide a HowTo (schema.org).
 */
export function entryJsonLd(entry: Entry, url: string, areaLabel: string): Record<string, unknown> {
  const common = { "@context": "https://schema.org", inLanguage: "zh-CN", url, dateModified: entry.updated };
  switch (entry.kind) {
    case "problem":
      return {
        ...common,
        "@type": "TechArticle",
        headline: entry.title,
        description: entry.summary,
        articleSection: areaLabel,
        keywords: [...entry.tags, ...entry.signatures].join(", "),
        proficiencyLevel: "Beginner",
      };
    case "question":
      return {
        ...common,
        "@type": "FAQPage",
        mainEntity: [{ "@type": "Question", name: entry.title, acceptedAnswer: { "@type": "Answer", text: entry.answer.text } }],
      };
    case "guide":
      return {
        ...common,
        "@type": "HowTo",
        name: entry.title,
        description: entry.summary,
        step: entry.steps.map((step, i) => ({ "@type": "HowToStep", position: i + 1, name: step.title, text: step.body.text, url: `${url}#${stepAnchor(step.id)}` })),
      };
  }
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
