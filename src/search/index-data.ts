import type { FuseIndex } from "fuse.js";
import type { EntryKind } from "@/content/schema";

/**
 * The serialised search index: built at build time (`build-index.ts`), shipped as JSON to the
 * browser and loaded by the server, and read only by `rank.ts`.
 */
export type FieldName = "title" | "signatures" | "tags" | "summary" | "causes" | "checks" | "fixes" | "body";

export interface CauseMeta {
  readonly id: string;
  /** Also what decides which cause a query points at, with the cause's signatures. */
  readonly title: string;
}

export interface DocMeta {
  readonly id: string;
  readonly title: string;
  readonly kind: EntryKind;
  readonly area: string;
  readonly system: string;
  readonly causes: readonly CauseMeta[];
}

export interface SignatureRecord {
  readonly text: string;
  /** `normalizeLine(text)`: what a query line must contain. */
  readonly norm: string;
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
  readonly format: 1;
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
  /** fuse.js's own serialised index over titles and signatures (it carries the texts itself). */
  readonly fuzzy: ReturnType<FuseIndex<FuzzyRecord>["toJSON"]>;
}
