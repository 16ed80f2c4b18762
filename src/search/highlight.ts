/**
 * Splits a text into plain and marked runs for the terms a search matched, case-insensitively,
 * for showing why a result came up. Concept markers (`~…`) and masks are ignored. English terms
 * are stems (`connect` for "Connection"), so a match that stops inside a Latin word is marked to
 * the end of that word.
 */
export interface Run {
  readonly text: string;
  readonly mark: boolean;
}

export function highlight(text: string, terms: readonly string[]): Run[] {
  const needles = [...new Set(terms.filter((t) => t.length > 0 && !t.startsWith("~") && !t.startsWith("<")).map((t) => t.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 20);
  if (needles.length === 0) return [{ text, mark: false }];
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      marked.fill(true, at, wordEnd(lower, at + needle.length, needle));
    }
  }
  const runs: Run[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    runs.push({ text: text.slice(i, j), mark: marked[i] ?? false });
    i = j;
  }
  return runs;
}

const LETTER = /[a-z]/;

function wordEnd(lower: string, end: number, needle: string): number {
  if (!LETTER.test(needle.at(-1) ?? "")) return end;
  let i = end;
  while (i < lower.length && LETTER.test(lower[i] ?? "")) i++;
  return i;
}
