import { fold, maskVolatile } from "./normalize";

/**
 * Bounds and splits a query. A pasted log is searched line by line (each result says which line
 * matched); repeated lines (equal once volatile parts are masked) are searched once; a very long paste keeps its end, where the error
 * that ended the run usually is.
 */
export interface QueryUnit {
  readonly text: string;
  /** 1-based line number in the (possibly truncated) query, for multi-line queries. */
  readonly line?: number;
  /** How much a match on this line counts, 0–1: error lines most, the commands that were run least. */
  readonly salience?: number;
}

const ERROR_LINE =
  /error|\berr\b|fail|fatal|exception|refused|denied|time(?:d)? ?out|cannot|can't|could not|couldn't|unable|invalid|not found|no such|unhealthy|exited|errcode|panic|traceback|错误|失败|异常|报错|拒绝|超时|无法|不能|不一致|不存在|未找到|出错|不通过/i;
const COMMAND_LINE = /^(?:\$|#|>|ps>|c:\\[^>]*>|[\w.-]+@[\w.-]+:[^\s]*[#$%])\s*/i;

/** Log lines that report a failure say what is wrong; the commands a user ran only say what they tried. */
function lineSalience(line: string): number {
  if (COMMAND_LINE.test(line)) return 0.5;
  return ERROR_LINE.test(line) ? 1 : 0.75;
}

export function boundQuery(query: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = new TextEncoder().encode(query);
  if (bytes.byteLength <= maxBytes) return { text: query, truncated: false };
  const start = bytes.byteLength - maxBytes;
  const tail = new TextDecoder().decode(bytes.subarray(start));
  // A cut right after a line break keeps whole lines only: nothing to drop.
  if (bytes[start - 1] === 0x0a) return { text: tail, truncated: true };
  const firstBreak = tail.indexOf("\n");
  // Drop the first, cut-off line (and the replacement character a split UTF-8 sequence leaves).
  const text = firstBreak >= 0 && firstBreak < tail.length - 1 ? tail.slice(firstBreak + 1) : tail.replace(/^\uFFFD+/, "");
  return { text, truncated: true };
}

const MIN_LINE_CHARS = 2;

export function queryUnits(text: string, maxLines: number): QueryUnit[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((l) => l.text.length >= MIN_LINE_CHARS);
  if (lines.length <= 1) return [{ text: lines[0]?.text ?? text.trim() }];
  // Lines that differ only in timestamps, ids and numbers are the same line, searched once.
  const seen = new Set<string>();
  const unique = lines.filter((l) => {
    const key = maskVolatile(fold(l.text));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.slice(-maxLines).map((l) => ({ ...l, salience: lineSalience(l.text) }));
}
