import type { StoredNeighbour } from "./neighbours";
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
  /** The check question: with the title, the words that decide which cause a query points at (besides its signatures). */
  readonly question: string;
  /** Its words (entry-terms.ts) as vocabulary ids; the server's copy only. */
  readonly terms?: readonly number[];
}

export interface DocMeta {
  readonly id: string;
  readonly title: string;
  readonly kind: EntryKind;
  readonly area: string;
  readonly system: string;
  readonly causes: readonly CauseMeta[];
  /** The summary cut into sentences short enough to quote in a result. */
  readonly summary: readonly string[];
  readonly aliases: readonly string[];
  /** Each of its own names (entry-terms.ts) as vocabulary ids; the server's copy only. */
  readonly names?: readonly (readonly number[])[];
}

/** A signature as the index stores it: its comparable form is derived when the index loads (signatures.ts). */
export interface StoredSignature {
  readonly text: string;
  readonly doc: number;
  /** Index of the cause that owns it, or -1 for the entry's own signatures. */
  readonly cause: number;
}

/** A signature ready to match: the stored one and what a query line must contain. */
export interface SignatureRecord extends StoredSignature {
  /**
   * What a query line must contain: `normalizeLine(text)` for a plain signature; for one with
   * `{placeholders}`, the folded text with the placeholders left in (see signatures.ts).
   */
  readonly norm: string;
  readonly pattern: boolean;
}

/** Term weights are stored as integers: weight × this. One decimal is plenty for ranking. */
export const WEIGHT_SCALE = 10;

export interface SearchIndexData {
  readonly format: 7;
  /** The content version the index was built from. */
  readonly version: string;
  readonly docs: readonly DocMeta[];
  /** Chinese labels of the area and system slugs the docs use. */
  readonly labels: Readonly<Record<string, string>>;
  /** Numbers the content mentions; they are not masked in queries. */
  readonly keepNumbers: readonly string[];
  /** Every indexed term, sorted and front-coded (packing.ts); `postings[i]` belongs to the i-th term. */
  readonly vocabulary: readonly string[];
  /** Flat [doc gap, weight×WEIGHT_SCALE, doc gap, …] (packing.ts): BM25F weighted term frequency, rounded. */
  readonly postings: readonly (readonly number[])[];
  readonly signatures: readonly StoredSignature[];
  /** The Latin words the knowledge base writes, sorted, for "did you mean" (entry-terms.ts); the server's copy only. */
  readonly spelling?: readonly string[];
  /** Problems this knowledge base does not fix, recognised by their own error texts (neighbours.ts). */
  readonly neighbours: readonly StoredNeighbour[];
  /** The logistic model that decides whether the first result is presented as the answer (confidence.ts). */
  readonly confidence: ConfidenceModel;
  /** Per document, the `reliability` confidence feature (confidence.ts). */
  readonly reliability: readonly number[];
  /** Per word, its log-odds for the `wording` confidence feature (confidence.ts), to one decimal. */
  readonly wording: Readonly<Record<string, number>>;
}
