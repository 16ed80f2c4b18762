import { fold } from "./normalize";

/** A short text of an entry that a result may quote. */
export interface Quotable {
  readonly text: string;
  /** The cause it belongs to, -1 for the entry. */
  readonly cause: number;
  /** The text folded as queries are, so that an asked term is found by plain substring search. */
  readonly folded: string;
}

export function quotable(text: string, cause: number): Quotable {
  return { text, cause, folded: fold(text) };
}

/**
 * The text a result quotes to show why it came up: among the entry's short texts (summary
 * sentences, aliases, signatures), the one that holds the most weight of what was asked,
 * preferring those of the cause the hit points at. Null when none shares a word with the query.
 */
export function bestSnippet(
  snippets: readonly Quotable[],
  cause: number,
  matched: ReadonlySet<string>,
  weights: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const snippet of snippets) {
    if (cause >= 0 && snippet.cause >= 0 && snippet.cause !== cause) continue;
    let score = 0;
    for (const term of matched) if (snippet.folded.includes(term)) score += weights.get(term) ?? 0;
    if (cause >= 0 && snippet.cause === cause) score *= 1.5;
    if (score > bestScore) {
      bestScore = score;
      best = snippet.text;
    }
  }
  return best;
}

/** Splits a summary into sentences short enough to quote. */
export function sentences(text: string, max = 160): string[] {
  return text
    .split(/(?<=[。！？；!?;])\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));
}
