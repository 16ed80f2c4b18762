import { fold } from "./normalize";
import { terms } from "./tokenize";

/**
 * The text a result quotes to show why it came up: among the entry's short texts (summary
 * sentences, aliases, signatures), the one that holds the most weight of what was asked,
 * preferring those of the cause the hit points at. Null when none shares a word with the query.
 */
export function bestSnippet(
  snippets: readonly { readonly text: string; readonly cause: number }[],
  cause: number,
  matched: ReadonlySet<string>,
  weights: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const snippet of snippets) {
    if (cause >= 0 && snippet.cause >= 0 && snippet.cause !== cause) continue;
    let score = 0;
    for (const term of new Set(terms(fold(snippet.text)).all)) if (matched.has(term)) score += weights.get(term) ?? 0;
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
