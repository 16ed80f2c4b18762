import { distance } from "fastest-levenshtein";
import Fuse from "fuse.js";
import { kthLargest } from "./top";

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
const CANDIDATES = 16;

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

/**
 * Up to `k` of the touched records that share at least two grams with the query: those sharing
 * most, then the first records. Only the records at the cut are put in order of index (a
 * 10,000-entry corpus can have thousands sharing as many grams), with a native integer sort.
 */
function best(touched: readonly number[], shared: Uint32Array, k: number): number[] {
  const count = (index: number) => shared[index] ?? 0;
  const sharing = touched.filter((index) => count(index) >= 2);
  const cut = kthLargest(sharing.map(count), k);
  const above = sharing.filter((index) => count(index) > cut).sort((a, b) => count(b) - count(a) || a - b);
  const atCut = Int32Array.from(sharing.filter((index) => count(index) === cut)).sort();
  return [...above, ...Array.from(atCut.subarray(0, k - above.length))];
}

export class FuzzyIndex {
  private readonly byGram = new Map<string, number[]>();
  /**
   * Grams shared with the query, per record: a typed array reused by every search (and left
   * zeroed) rather than a Map, since a common gram of a 10,000-entry corpus is in thousands.
   */
  private readonly shared: Uint32Array;

  /** `texts[i]` are the folded short texts of record i (its names: title, aliases, signatures). */
  constructor(private readonly texts: readonly (readonly string[])[]) {
    texts.forEach((list, index) => {
      for (const gram of grams(list.join(" "))) {
        let posting = this.byGram.get(gram);
        if (!posting) this.byGram.set(gram, (posting = []));
        posting.push(index);
      }
    });
    this.shared = new Uint32Array(texts.length);
  }

  /** Each record text's grams, on first need (a cache of the index's own texts, never of queries). */
  private readonly textGrams = new Map<string, string[]>();
  private gramsOf(text: string): string[] {
    let list = this.textGrams.get(text);
    if (!list) this.textGrams.set(text, (list = [...grams(text)]));
    return list;
  }

  /** Records whose texts match the folded query despite typos, best first. */
  search(query: string, limit: number): FuzzyHit[] {
    const { shared } = this;
    const touched: number[] = [];
    const asked = grams(query);
    for (const gram of asked) {
      for (const index of this.byGram.get(gram) ?? []) {
        if (shared[index] === 0) touched.push(index);
        shared[index] = (shared[index] ?? 0) + 1;
      }
    }
    const candidates = best(touched, shared, CANDIDATES);
    for (const index of touched) shared[index] = 0;
    if (candidates.length === 0) return [];
    // Bitap reads every text of a record, and a record has many (a title, a dozen aliases, its
    // signatures): it is given only those sharing a gram with the query, since in practice a
    // text that shares none is too far from it to score within the threshold.
    const records = candidates
      .map((index) => ({ index, texts: (this.texts[index] ?? []).filter((text) => this.gramsOf(text).some((gram) => asked.has(gram))) }))
      .filter((record) => record.texts.length > 0);
    const fuse = new Fuse(records, { ...OPTIONS, keys: ["texts"] });
    return fuse.search(query, { limit }).map((hit) => ({ index: hit.item.index, score: hit.score ?? 1 }));
  }
}

/**
 * The known word closest to an unknown one (a Latin word of four or more letters), or null: used
 * to spell a query the way the knowledge base does. fuse.js scores a word found inside a longer
 * one as exact ("conn" in "connection", "conection" in "apiconnectionerror"), so of its close
 * hits the spelling is the one fewest edits away, and only when that is one edit for a short
 * word, two for a longer one.
 */
export function closestWord(words: FuzzyIndex, wordList: readonly string[], word: string): string | null {
  if (word.length < 4 || !/^[a-z][a-z0-9_]*$/.test(word)) return null;
  let best: string | null = null;
  let fewest = word.length <= 5 ? 2 : 3;
  for (const hit of words.search(word, 5)) {
    const candidate = wordList[hit.index];
    if (!candidate || candidate === word || hit.score >= 0.3) continue;
    const edits = distance(word, candidate);
    if (edits < fewest) {
      best = candidate;
      fewest = edits;
    }
  }
  return best;
}
