import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { KnowledgeGraph } from "@/content/graph";
import type { Entry } from "@/content/schema";
import { fold } from "./normalize";
import { conceptTerms } from "./synonyms";
import { termList } from "./tokenize";

/**
 * The yardsticks every change is measured against, in the same run: plain fuse.js with its
 * default options over all of an entry's text (a help centre without a search design), and
 * MiniSearch, a stock BM25 library, configured from its documentation with this product's own
 * tokenizer (Intl.Segmenter words, Han bigrams, identifiers, concept terms). Used only by the
 * eval and the benchmark.
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
    signatures: [...entry.signatures, ...(entry.kind === "problem" ? entry.causes.flatMap((c) => c.signatures) : [])],
    tags: entry.tags,
    text: entryText(entry),
  }));
}

export function createBaseline(records: readonly BaselineRecord[]) {
  const fuse = new Fuse(records, { keys: ["title", "summary", "signatures", "tags", "text"] });
  return (query: string): string[] => fuse.search(query).map((r) => r.item.id);
}

const MINI_FIELDS = ["title", "signatures", "tags", "summary", "text"] as const;

/** The product's tokenizer, as MiniSearch's `tokenize` option: fold, then terms and concept terms. */
export function productTokenize(text: string): string[] {
  const folded = fold(text);
  return [...termList(folded), ...conceptTerms(folded)];
}

export function createMiniSearch(records: readonly BaselineRecord[]) {
  const mini = new MiniSearch<BaselineRecord>({
    fields: [...MINI_FIELDS],
    storeFields: ["id"],
    extractField: (record, field) => {
      const value = record[field as keyof BaselineRecord];
      return Array.isArray(value) ? value.join("\n") : String(value ?? "");
    },
    tokenize: productTokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3, signatures: 3, tags: 2, summary: 1.5 }, combineWith: "OR" },
  });
  mini.addAll(records);
  return (query: string): string[] => mini.search(query).map((r) => String(r.id));
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
