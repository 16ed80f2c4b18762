import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildContent } from "@/content";
import { entryJsonLd, serializeJsonLd } from "@/render/json-ld";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");

const base = { "@context": z.literal("https://schema.org"), url: z.url(), inLanguage: z.literal("zh-CN"), dateModified: z.iso.date() };
const Shapes = {
  problem: z.object({ ...base, "@type": z.literal("TechArticle"), headline: z.string().min(1), description: z.string().min(1) }),
  question: z.object({
    ...base,
    "@type": z.literal("FAQPage"),
    mainEntity: z.array(z.object({ "@type": z.literal("Question"), name: z.string().min(1), acceptedAnswer: z.object({ "@type": z.literal("Answer"), text: z.string().min(1) }) })).min(1),
  }),
  guide: z.object({
    ...base,
    "@type": z.literal("HowTo"),
    name: z.string().min(1),
    step: z.array(z.object({ "@type": z.literal("HowToStep"), position: z.number().int().positive(), name: z.string().min(1), text: z.string().min(1), url: z.url() })).min(1),
  }),
};

describe("JSON-LD", () => {
  it.each(graph.entries.map((e) => [e.id, e] as const))("%s has the schema.org shape of its kind", (_id, entry) => {
    const data = entryJsonLd(entry, `https://kb.example.com/entry/${entry.id}`, "领域");
    expect(Shapes[entry.kind].safeParse(data).error?.issues ?? []).toEqual([]);
  });

  it("cannot be closed early by content", () => {
    const serialized = serializeJsonLd({ text: "</script><script>alert(1)</script>" });
    expect(serialized).not.toContain("</script>");
    expect(JSON.parse(serialized).text).toBe("</script><script>alert(1)</script>");
  });
});
