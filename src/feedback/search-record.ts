import { randomUUID } from "node:crypto";
import { SEARCH_CONFIG } from "@/search/config";
import { boundQuery, queryUnits } from "@/search/lines";
import { normalizeLine } from "@/search/normalize";
import type { SearchResponse } from "@/search/rank";
import { maskSecrets } from "@/search/secrets";
import { FEEDBACK_CONFIG } from "./config";
import type { NewSearch, SearchSource } from "./schema";

/**
 * What is kept of a search: the query masked as it is shown back to the user, its template (the
 * same masking of volatile parts that search itself uses, so that "connect ECONNREFUSED
 * 10.0.0.5:3306" and "…10.0.0.9:3306" are one group), whether it was answered, and what was shown.
 * A pasted log is represented by its error lines.
 */
const TEMPLATE_LINES = 3;
const SEPARATOR = " ⏎ ";

export function searchTemplate(maskedQuery: string, keepNumbers: ReadonlySet<string>): string {
  const units = queryUnits(maskedQuery, 400);
  const chosen = units.length <= 1 ? units : preferErrors(units);
  const lines = [...new Set(chosen.map((u) => normalizeLine(u.text, { keepNumbers })).filter(Boolean))];
  return cut(lines.slice(0, TEMPLATE_LINES).join(SEPARATOR), FEEDBACK_CONFIG.maxTemplateChars);
}

function preferErrors<T extends { salience?: number }>(units: readonly T[]): T[] {
  const errors = units.filter((u) => (u.salience ?? 1) >= 1);
  return errors.length > 0 ? errors : [...units];
}

/**
 * The line of a recorded query that best stands for it as a new signature: its first error line,
 * or its first line, as the user wrote it (secrets masked).
 */
export function signatureCandidate(maskedQuery: string): string {
  const units = queryUnits(maskedQuery, 400);
  const unit = units.length <= 1 ? units[0] : preferErrors(units)[0];
  return cut((unit?.text ?? maskedQuery).trim(), 160);
}

export function searchRow(input: {
  readonly query: string;
  readonly response: SearchResponse;
  readonly source: SearchSource;
  readonly session: string | null;
  readonly keepNumbers: ReadonlySet<string>;
}): NewSearch {
  // What the search itself looked at (the end of a very long paste), masked once.
  const masked = maskSecrets(boundQuery(input.query, SEARCH_CONFIG.maxQueryBytes).text);
  return {
    id: randomUUID(),
    createdAt: new Date(),
    session: input.session,
    source: input.source,
    query: cut(masked, FEEDBACK_CONFIG.maxQueryChars),
    template: searchTemplate(masked, input.keepNumbers),
    confident: input.response.confident,
    shown: [...new Set([...input.response.results, ...input.response.suggestions].map((hit) => hit.id))].slice(0, FEEDBACK_CONFIG.maxShown),
  };
}

/** Cuts to `max` characters without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}
