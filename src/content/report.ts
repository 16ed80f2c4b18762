import path from "node:path";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { KnowledgeGraph } from "./graph";
import { coverage } from "./graph";

/**
 * Formats messages the way compilers do, one per line — `path:line:col  error  reason  [rule]` —
 * with the hint and the place of a first occurrence indented below, so editors can jump to them.
 */
export function formatMessages(files: readonly VFile[], cwd: string): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) lines.push(...formatMessage(file, message, cwd));
  }
  return lines;
}

function formatMessage(file: VFile, message: VFileMessage, cwd: string): string[] {
  const where = `${relative(file.path, cwd)}:${message.line ?? 1}:${message.column ?? 1}`;
  const severity = message.fatal ? "error" : "warning";
  const lines = [`${where}  ${severity}  ${message.reason}  [${message.ruleId ?? "unknown"}]`];
  if (message.note) lines.push(`    hint: ${message.note}`);
  const cause = message.cause as VFileMessage | undefined;
  if (cause && typeof cause === "object" && "line" in cause) {
    const other = typeof cause.file === "string" && cause.file !== "" ? cause.file : file.path;
    lines.push(`    first defined at ${relative(other, cwd)}:${cause.line ?? 1}:${cause.column ?? 1}`);
  }
  return lines;
}

/** What `npm run content:check` prints: every message, then the summary line. */
export function formatReport(result: { readonly files: readonly VFile[]; readonly errors: number; readonly warnings: number }, cwd: string): string {
  const lines = formatMessages(result.files, cwd);
  return [...(lines.length > 0 ? [...lines, ""] : []), formatSummary(result.errors, result.warnings, result.files.length)].join("\n");
}

export function formatSummary(errors: number, warnings: number, files: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
}

/** The upstream coverage table: each upstream problem and the entries that cover it. */
export function formatCoverage(graph: KnowledgeGraph): string[] {
  const rows = [...coverage(graph)];
  const covered = rows.filter(([, ids]) => ids.length > 0).length;
  return [
    `Upstream coverage: ${covered}/${rows.length}`,
    ...rows.map(([id, ids]) => `  ${id.padEnd(7)} ${ids.length > 0 ? ids.join(", ") : "— not covered"}`),
  ];
}

function relative(filePath: string, cwd: string): string {
  return path.relative(cwd, filePath).split(path.sep).join("/") || filePath;
}
