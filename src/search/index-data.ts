import type { FuseIndex } from "fuse.js";
import type { EntryKind } from "@/content/schema";
import type { ConfidenceModel } from "./confidence";

/**
 * The serialised search index: built at build time (`build-index.ts`), shipped as JSON to the
 * browser and loaded by the server, and read only by `rank.ts`.
 */
export type FieldName = "title" | "aliases" | "signatures" | "tags" | "summary" | "causes" | "checks" | "fixes" | "body";

export interface CauseMeta {
  readonly id: string;
  readonly title: string;
  /** The words that decide which cause a query points at (title, check question, description), besides its signatures. */
  readonly text: string;
}

export interface DocMeta {
  readonly id: string;
  readonly title: string;
  readonly kind: EntryKind;
  readonly area: string;
  readonly system: string;
  readonly causes: readonly CauseMeta[];
  /**
   * Short texts a result can quote to show why it came up: the summary's sentences, aliases and
   * signatures, each tagged with the cause it belongs to (-1 for the entry).
   */
  readonly snippets: readonly { readonly text: string; readonly cause: number }[];
}

export interface SignatureRecord {
  readonly text: string;
  /**
   * What a query line must contain: `normalizeLine(text)` for a plain signature; for one with
   * `{placeholders}`, the folded text with the placeholders left in (see signatures.ts).
   */
  readonly norm: string;
  readonly pattern: boolean;
  readonly doc: number;
  /** Index of the cause that owns it, or -1 for the entry's own signatures. */
  readonly cause: number;
}

export interface FuzzyRecord {
  readonly title: string;
  readonly signatures: readonly string[];
}

export const FUZZY_KEYS = ["title", "signatures"] as const;

/** Term weights are stored as integers: weight × this. One decimal is plenty for ranking. */
export const WEIGHT_SCALE = 10;

export interface SearchIndexData {
  readonly format: 2;
  /** The content version the index was built from. */
  readonly version: string;
  readonly docs: readonly DocMeta[];
  /** Chinese labels of the area and system slugs the docs use. */
  readonly labels: Readonly<Record<string, string>>;
  /** Numbers the content mentions; they are not masked in queries. */
  readonly keepNumbers: readonly string[];
  /** Every indexed term, sorted; `postings[i]` belongs to `vocabulary[i]`. */
  readonly vocabulary: readonly string[];
  /** Flat [doc, weight×WEIGHT_SCALE, doc, …]: BM25F weighted term frequency, rounded. */
  readonly postings: readonly (readonly number[])[];
  readonly signatures: readonly SignatureRecord[];
  /** The logistic model that decides whether the first result is presented as the answer (confidence.ts). */
  readonly confidence: ConfidenceModel;
  /** fuse.js's own serialised index over titles and signatures (it carries the texts itself). */
  readonly fuzzy: ReturnType<FuseIndex<FuzzyRecord>["toJSON"]>;
}
