import { idf, postingsContain, type Postings } from "./bm25";
import { causeTerms, nameTerms, nameTexts, spellingWords } from "./entry-terms";
import { FuzzyIndex } from "./fuzzy";
import { WEIGHT_SCALE, type SearchIndexData, type StoredSignature } from "./index-data";
import { fold } from "./normalize";
import { unpackPostings, unpackVocabulary } from "./packing";
import { quotable, type Quotable } from "./snippets";

/**
 * The loaded index as the searcher reads it: postings by term, and what it derives per entry
 * (its signatures, the term sets of its names and causes, the texts a result may quote), each
 * kept once derived. The ranking, confidence and presentation that use it live in rank.ts.
 */
export interface Corpus {
  readonly data: SearchIndexData;
  readonly docCount: number;
  /** Numbers the content mentions: kept literal in queries. */
  readonly keepNumbers: ReadonlySet<string>;
  readonly postings: Postings;
  /** What a term seen in a single entry weighs: the most an unknown term can. */
  readonly unknownIdf: number;
  /** The idf of an indexed term; null for a term the index has never seen. */
  termIdf(term: string): number | null;
  entryHas(doc: number, term: string): boolean;
  signaturesOf(doc: number): readonly StoredSignature[];
  /** Each of the entry's own names (title, aliases, its signatures) as a term set. */
  namesOf(doc: number): readonly ReadonlySet<string>[];
  /** The words of a cause (title, check question, its signatures). */
  termsOfCause(doc: number, cause: number): ReadonlySet<string>;
  /** Summary sentences and aliases, and each cause's title, check question and signatures. */
  quotablesOf(doc: number): readonly Quotable[];
  /** Typos in the entries' own names. */
  readonly fuzzyNames: FuzzyIndex;
  /** The Latin words the knowledge base writes, for spelling a query (built on first need). */
  spelling(): { readonly index: FuzzyIndex; readonly words: readonly string[] };
}

export function createCorpus(data: SearchIndexData): Corpus {
  const docCount = data.docs.length;
  const keepNumbers = new Set(data.keepNumbers);
  const vocabulary = unpackVocabulary(data.vocabulary);
  const postingLists = data.postings.map(unpackPostings);
  const termIndex = new Map(vocabulary.map((term, i) => [term, i]));
  const postings: Postings = {
    docCount,
    scale: WEIGHT_SCALE,
    postingsOf: (term) => {
      const i = termIndex.get(term);
      return i === undefined ? undefined : postingLists[i];
    },
  };
  const known = (term: string) => termIndex.has(term);
  const fromIds = (ids: readonly number[]) => new Set(ids.map((id) => vocabulary[id] ?? ""));

  const bySignature = new Map<number, StoredSignature[]>();
  for (const record of data.signatures) {
    let list = bySignature.get(record.doc);
    if (!list) bySignature.set(record.doc, (list = []));
    list.push(record);
  }
  const signaturesOf = (doc: number) => bySignature.get(doc) ?? [];

  // The term sets are stored in the server's index and derived once, on first use, from the
  // browser's smaller copy (entry-terms.ts); the texts to quote are folded on first use.
  const names = new Map<number, readonly ReadonlySet<string>[]>();
  const causes = new Map<string, ReadonlySet<string>>();
  const quotables = new Map<number, readonly Quotable[]>();
  const once = <K, V>(cache: Map<K, V>, key: K, derive: () => V): V => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = derive()));
    return value;
  };

  let spelling: { index: FuzzyIndex; words: readonly string[] } | null = null;

  return {
    data,
    docCount,
    keepNumbers,
    postings,
    unknownIdf: idf(docCount, 1),
    termIdf(term) {
      const list = postings.postingsOf(term);
      return list ? idf(docCount, list.length / 2) : null;
    },
    entryHas(doc, term) {
      const list = postings.postingsOf(term);
      return list ? postingsContain(list, doc) : false;
    },
    signaturesOf,
    namesOf: (doc) =>
      once(names, doc, () => {
        const meta = data.docs[doc];
        if (!meta) return [];
        return meta.names ? meta.names.map(fromIds) : nameTexts(meta, signaturesOf(doc)).map((text) => new Set(nameTerms(text, keepNumbers, known)));
      }),
    termsOfCause: (doc, cause) =>
      once(causes, `${doc}:${cause}`, () => {
        const meta = data.docs[doc]?.causes[cause];
        if (!meta) return new Set<string>();
        return meta.terms ? fromIds(meta.terms) : new Set(causeTerms(meta, signaturesOf(doc).filter((sig) => sig.cause === cause), keepNumbers, known));
      }),
    quotablesOf: (doc) =>
      once(quotables, doc, () => {
        const meta = data.docs[doc];
        if (!meta) return [];
        return [
          ...[...meta.summary, ...meta.aliases].map((text) => quotable(text, -1)),
          ...meta.causes.flatMap((c, i) => [c.title, c.question].map((text) => quotable(text, i))),
          ...signaturesOf(doc).map((sig) => quotable(sig.text, sig.cause)),
        ];
      }),
    fuzzyNames: new FuzzyIndex(data.docs.map((doc, i) => nameTexts(doc, signaturesOf(i)).map(fold))),
    spelling() {
      if (!spelling) {
        const words = data.spelling ?? spellingWords(data.docs, data.signatures);
        spelling = { index: new FuzzyIndex(words.map((w) => [w])), words };
      }
      return spelling;
    },
  };
}
