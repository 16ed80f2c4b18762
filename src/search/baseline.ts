import Fuse from "fuse.js";
import type { KnowledgeGraph } from "@/content/graph";
import type { Entry } from "@/content/schema";

/**
 * The yardstick: plain fuse.js with its default options over all of an entry's text, as a help
 * centre without a search design would do it. Used only by the eval and the benchmark.
 */
export interface BaselineRecord {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly signatures: readonly string[];
  readonly tags: readonly string[];
  readonly text: string;
}

export function baselineRecords(graph: KnowledgeGraph): BaselineRecord[] {
  return graph.entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    signatures: entry.signatures,
    tags: entry.tags,
    text: entryText(entry),
  }));
}

export function createBaseline(records: readonly BaselineRecord[]) {
  const fuse = new Fuse(records, { keys: ["title", "summary", "signatures", "tags", "text"] });
  return (query: string): string[] => fuse.search(query).map((r) => r.item.id);
}

function entryText(entry: Entry): string {
  const parts: (string | undefined)[] = [entry.intro?.text];
  switch (entry.kind) {
    case "problem":
      for (const c of entry.causes) parts.push(c.title, c.description?.text, c.check.question, c.check.details?.text, c.fix.text);
      parts.push(entry.notes?.text);
      break;
    case "question":
      parts.push(entry.answer.text, entry.notes?.text);
      break;
    case "guide":
      for (const s of entry.steps) parts.push(s.title, s.body.text);
      break;
  }
  return parts.filter(Boolean).join("\n");
}
