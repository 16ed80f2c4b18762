import type { Entry } from "@/content/schema";
import { causeAnchor, stepAnchor } from "@/urls";

export interface TocItem {
  readonly href: string;
  readonly label: string;
}

/** The sections of an entry in reading order, with the anchors the page gives them. */
export function tocItems(entry: Entry): TocItem[] {
  switch (entry.kind) {
    case "problem":
      return [
        ...entry.causes.map((cause, i) => ({ href: `#${causeAnchor(cause.id)}`, label: `原因 ${i + 1}：${cause.title}` })),
        ...(entry.notes ? [{ href: "#notes", label: "说明" }] : []),
      ];
    case "question":
      return [{ href: "#answer", label: "回答" }, ...(entry.notes ? [{ href: "#notes", label: "说明" }] : [])];
    case "guide":
      return entry.steps.map((step, i) => ({ href: `#${stepAnchor(step.id)}`, label: `${i + 1}. ${step.title}` }));
  }
}

export function TableOfContents({ items }: { items: readonly TocItem[] }) {
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">目录</h2>
      <ol>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
