import type { KnowledgeGraph } from "@/content/graph";
import type { Problem } from "@/content/schema";
import { SEARCH_CONFIG } from "@/search/config";
import { boundQuery } from "@/search/lines";
import { maskSecrets } from "@/search/secrets";
import { wizardKey, type LogEvidence, type WizardLocation } from "@/urls";

/**
 * "Settled by the log": a pasted line settles a cause when it contains one of that cause's own
 * signatures (its `### 特征`), compared without case and whitespace. Such a cause is answered
 * "是" from the log, with the line quoted, and the wizard goes straight to its fix. Entry-level
 * signatures only say which problem it is, not which cause, so they settle nothing.
 */
export const MAX_QUOTE = 160;
export const MAX_EVIDENCE = 5;

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

function matchesCause(problem: Problem, causeId: string, text: string): boolean {
  const cause = problem.causes.find((c) => c.id === causeId);
  if (!cause) return false;
  const line = fold(text);
  return cause.signatures.some((signature) => {
    const folded = fold(signature);
    return folded !== "" && line.includes(folded);
  });
}

/** The line as it may be shown and put in a URL: one line, masked, cut to a readable length. */
export function quoteLine(text: string): string {
  const line = maskSecrets(text.replace(/\s+/g, " ").trim());
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1)}…` : line;
}

/** For each cause of the problem, the first line that carries one of its signatures. */
export function logEvidence(problem: Problem, lines: readonly { line: number; text: string }[]): LogEvidence[] {
  const found: LogEvidence[] = [];
  for (const cause of problem.causes) {
    const hit = lines.find((l) => matchesCause(problem, cause.id, l.text));
    if (hit) found.push({ cause: cause.id, line: hit.line, text: quoteLine(hit.text) });
    if (found.length === MAX_EVIDENCE) break;
  }
  return found;
}

/**
 * The evidence a URL claims, kept only where the quoted line really carries one of the cause's
 * signatures, so that a hand-made link cannot make the wizard quote arbitrary text as "the log".
 */
export function acceptEvidence(problem: Problem, claimed: readonly LogEvidence[]): Map<string, LogEvidence> {
  const accepted = new Map<string, LogEvidence>();
  for (const item of claimed.slice(0, MAX_EVIDENCE)) {
    if (accepted.has(item.cause) || !matchesCause(problem, item.cause, item.text)) continue;
    accepted.set(item.cause, { cause: item.cause, line: item.line, text: quoteLine(item.text) });
  }
  return accepted;
}

/**
 * A paste split into numbered lines as the search numbers them: the same byte and line limits,
 * 1-based in what is kept, blank lines counted.
 */
export function pasteLines(paste: string): { line: number; text: string }[] {
  return boundQuery(paste, SEARCH_CONFIG.maxQueryBytes)
    .text.split(/\r\n|\r|\n/)
    .map((text, index) => ({ line: index + 1, text }))
    .filter((l) => l.text.trim() !== "")
    .slice(-SEARCH_CONFIG.maxLines);
}

/**
 * Where a search hit opens the wizard: a question or guide shows its answer; a problem starts at
 * the cause the hit points at (the most probable one), carrying the lines that settle causes.
 */
export function startFromHit(graph: KnowledgeGraph, hit: { readonly id: string; readonly cause?: string | undefined }, lines: readonly { line: number; text: string }[]): WizardLocation {
  const entry = graph.byId.get(hit.id);
  if (entry?.kind !== "problem") return { start: hit.id, answers: [] };
  const evidence = logEvidence(entry, lines);
  return { start: wizardKey(entry.id, hit.cause ?? null), answers: [], ...(evidence.length > 0 ? { evidence } : {}) };
}
