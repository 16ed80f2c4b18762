import Fuse from "fuse.js";

/**
 * Typo tolerance with fuse.js, kept cheap at any corpus size: Bitap is linear in the number of
 * records, so fuse.js only ever sees the few records that share character grams with the query
 * (Latin trigrams, Han bigrams), found through a small inverted index built at load time. The
 * same machinery suggests a spelling for an unknown word ("did you mean").
 */
export interface FuzzyHit {
  readonly index: number;
  /** 0 = exact … 1 = no match (fuse.js's score). */
  readonly score: number;
}

const OPTIONS = { includeScore: true, ignoreLocation: true, threshold: 0.34, minMatchCharLength: 2 } as const;
/** At most this many records, those sharing the most grams with the query, are handed to fuse.js. */
const CANDIDATES = 40;

function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+|[a-z0-9_]+/gu) ?? []) {
    const n = /\p{Script=Han}/u.test(run) ? 2 : 3;
    if (run.length < n) {
      if (run.length >= 2) out.add(run);
      continue;
    }
    for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n));
  }
  return out;
}

export class FuzzyIndex {
  private readonly byGram = new Map<string, number[]>();

  /** `texts[i]` are the folded short texts of record i (a title, its signatures). */
  constructor(private readonly texts: readonly (readonly string[])[]) {
    texts.forEach((list, index) => {
      for (const gram of grams(list.join(" "))) {
        let posting = this.byGram.get(gram);
        if (!posting) this.byGram.set(gram, (posting = []));
        posting.push(index);
      }
    });
  }

  /** Records whose texts match the folded query despite typos, best first. */
  search(query: string, limit: number): FuzzyHit[] {
    const shared = new Map<number, number>();
    for (const gram of grams(query)) for (const index of this.byGram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    const candidates = [...shared].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES).map(([index]) => index);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((index) => ({ index, texts: this.texts[index] ?? [] })),
      { ...OPTIONS, keys: ["texts"] },
    );
    return fuse.search(query, { limit }).map((hit) => ({ index: hit.item.index, score: hit.score ?? 1 }));
  }
}

/**
 * The known word closest to an unknown one (a Latin word of four or more letters), or null: used
 * to spell a query the way the knowledge base does. Only close matches count.
 */
export function closestWord(words: FuzzyIndex, wordList: readonly string[], word: string): string | null {
  if (word.length < 4 || !/^[a-z][a-z0-9_]*$/.test(word)) return null;
  const hit = words.search(word, 1)[0];
  const candidate = hit ? wordList[hit.index] : undefined;
  return candidate && hit && hit.score < 0.3 && candidate !== word ? candidate : null;
}
