import path from "node:path";
import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { KnowledgeGraph } from "./graph";
import { coverage } from "./graph";

/**
 * How `npm run content:check` shows messages: as compiler-style text or as JSON. Both read only
 * what every `VFileMessage` carries (place, rule id, fatal, note, cause), so a message that any
 * plugin adds with `file.message(…)` is shown the same way as the catalogued ones.
 */

/** A place in a file, 1-based; `end*` are null when the message points at a spot, not a range. */
export interface JsonPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | null;
  readonly endColumn: number | null;
}

export interface JsonMessage extends JsonPlace {
  readonly severity: "error" | "warning";
  /** The rule id, e.g. `section-unknown`; see src/content/messages.ts. */
  readonly rule: string;
  readonly message: string;
  /** What to do about it. */
  readonly hint: string | null;
  /** For a duplicate: where the first occurrence is. */
  readonly firstDefined: JsonPlace | null;
}

export interface JsonReport {
  readonly summary: { readonly errors: number; readonly warnings: number; readonly files: number };
  readonly messages: readonly JsonMessage[];
  /** Each upstream problem and the entries that cover it; null when the content has errors. */
  readonly coverage: { readonly covered: number; readonly total: number; readonly problems: readonly { id: string; entries: string[] }[] } | null;
}

interface CheckResult {
  readonly files: readonly VFile[];
  readonly errors: number;
  readonly warnings: number;
  readonly graph?: KnowledgeGraph | null;
}

/** Every message of every file, each file's sorted by place. */
export function toJsonMessages(files: readonly VFile[], cwd: string): JsonMessage[] {
  return files.flatMap((file) => sorted(file).map((message) => toJsonMessage(file, message, cwd)));
}

export function toJsonReport(result: CheckResult, cwd: string): JsonReport {
  const rows = result.graph ? [...coverage(result.graph)] : null;
  return {
    summary: { errors: result.errors, warnings: result.warnings, files: result.files.length },
    messages: toJsonMessages(result.files, cwd),
    coverage: rows
      ? { covered: rows.filter(([, ids]) => ids.length > 0).length, total: rows.length, problems: rows.map(([id, entries]) => ({ id, entries })) }
      : null,
  };
}

function toJsonMessage(file: VFile, message: VFileMessage, cwd: string): JsonMessage {
  const cause = firstDefined(message);
  return {
    ...placeOf(relative(file.path, cwd), message.place),
    severity: message.fatal === true ? "error" : "warning",
    rule: message.ruleId ?? "unknown",
    message: message.reason,
    hint: message.note ?? null,
    firstDefined: cause ? placeOf(relative(typeof cause.file === "string" && cause.file !== "" ? cause.file : file.path, cwd), cause.place) : null,
  };
}

/**
 * Formats messages the way compilers do, one per line — `path:line:col  error  reason  [rule]` —
 * with the hint and the place of a first occurrence indented below, so editors can jump to them.
 */
export function formatMessages(files: readonly VFile[], cwd: string): string[] {
  return toJsonMessages(files, cwd).flatMap((m) => [
    `${m.file}:${m.line}:${m.column}  ${m.severity}  ${m.message}  [${m.rule}]`,
    ...(m.hint ? [`    hint: ${m.hint}`] : []),
    ...(m.firstDefined ? [`    first defined at ${formatRange(m.firstDefined)}`] : []),
  ]);
}

/** What `npm run content:check` prints: every message, then the summary line. */
export function formatReport(result: CheckResult, cwd: string): string {
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

/** `path:line:col`, or `path:line:col-line:col` for a range, as vfile-reporter writes ranges. */
function formatRange(place: JsonPlace): string {
  const end = place.endLine !== null && place.endColumn !== null ? `-${place.endLine}:${place.endColumn}` : "";
  return `${place.file}:${place.line}:${place.column}${end}`;
}

function sorted(file: VFile): VFileMessage[] {
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function firstDefined(message: VFileMessage): VFileMessage | null {
  const cause = message.cause;
  return typeof cause === "object" && cause !== null && "place" in cause && "reason" in cause ? (cause as VFileMessage) : null;
}

function placeOf(file: string, place: Point | Position | undefined): JsonPlace {
  if (place && "start" in place) {
    return { file, line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column };
  }
  return { file, line: place?.line ?? 1, column: place?.column ?? 1, endLine: null, endColumn: null };
}

function relative(filePath: string, cwd: string): string {
  return path.relative(cwd, filePath).split(path.sep).join("/") || filePath;
}
