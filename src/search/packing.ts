/**
 * How the browser index keeps under its size budget: the sorted vocabulary is front-coded (each
 * term stores how many leading characters it shares with the one before it, as one character,
 * then the rest), and each posting list stores the gap to the previous entry number instead of
 * the number itself. Both shrink what gzip cannot, and both are undone once when the index loads.
 */

/** Code of the character that stands for "shares 0 characters"; 1 is the next code, and so on. */
const SHARED_BASE = 0x30;

export function packVocabulary(sorted: readonly string[]): string[] {
  let previous = "";
  return sorted.map((term) => {
    let shared = 0;
    const limit = Math.min(term.length, previous.length);
    while (shared < limit && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    previous = term;
    return String.fromCharCode(SHARED_BASE + shared) + term.slice(shared);
  });
}

export function unpackVocabulary(packed: readonly string[]): string[] {
  let previous = "";
  return packed.map((item) => {
    const shared = item.charCodeAt(0) - SHARED_BASE;
    previous = previous.slice(0, shared) + item.slice(1);
    return previous;
  });
}

/** `[doc, weight, doc, weight, …]` with docs ascending → `[gap, weight, gap, weight, …]`. */
export function packPostings(list: readonly number[]): number[] {
  const out: number[] = [];
  let previous = 0;
  for (let i = 0; i < list.length; i += 2) {
    const doc = list[i] ?? 0;
    out.push(doc - previous, list[i + 1] ?? 0);
    previous = doc;
  }
  return out;
}

export function unpackPostings(packed: readonly number[]): number[] {
  const out: number[] = [];
  let doc = 0;
  for (let i = 0; i < packed.length; i += 2) {
    doc += packed[i] ?? 0;
    out.push(doc, packed[i + 1] ?? 0);
  }
  return out;
}
