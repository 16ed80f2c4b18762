/**
 * One normalisation for both sides of every comparison: what is indexed and what is asked.
 * `fold` makes width, case and punctuation variants equal; `maskVolatile` replaces the parts of a
 * log line that differ between two occurrences of the same error (timestamps, IPs, ids, hashes,
 * random path segments, plain numbers) with placeholders, the way error-grouping tools do, while
 * numbers that mean something here — error codes, and any number the knowledge base itself
 * mentions (ports such as 8092, versions such as 5.7) — stay literal.
 */

import { replaceEmails } from "./emails";

const QUOTES: Record<string, string> = { "‘": "'", "’": "'", "“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"' };

/** NFKC (full-width → half-width), lower case, one kind of quote, single spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’“”「」『』]/g, (q) => QUOTES[q] ?? q)
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[^\S\n]+/g, " ")
    // "AppID 参数错误" and "AppID参数错误" are the same text: spacing around Chinese is a matter of taste.
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, "")
    .trim();
}

export const MASK = {
  url: "<host>",
  email: "<email>",
  uuid: "<uuid>",
  time: "<time>",
  ip: "<ip>",
  hex: "<hex>",
  id: "<id>",
  num: "<num>",
  path: "<path>",
} as const;

/** Numbers that are error codes by their shape: HTTP statuses and WeChat/WeCom errcodes. */
export function looksLikeErrorCode(digits: string): boolean {
  return /^[1-5]\d\d$/.test(digits) || /^[4-9]\d{4}$/.test(digits);
}

export interface MaskOptions {
  /** Numbers to keep literal besides error codes (the knowledge base's own numbers). */
  readonly keepNumbers?: ReadonlySet<string>;
}

const LOOPBACK = /^(?:127\.0\.0\.1|0\.0\.0\.0)$/;

type Step = (text: string) => string;
const rule =
  (pattern: RegExp, replace: (match: string, ...groups: string[]) => string): Step =>
  (text) =>
    text.replace(pattern, replace as (m: string, ...g: string[]) => string);

/**
 * Applied in order. Each pattern is linear: a match starts at a literal or at a word boundary
 * followed by a bounded or self-delimiting part, so no failed attempt rescans a long run
 * (tests/search/patterns.test.ts). E-mail addresses are found without a pattern (./emails.ts).
 */
const RULES: readonly Step[] = [
  // URLs: keep the scheme and the path (it names the API), drop host, port and query. A URL ends
  // at Chinese text: folding removes the space between "http://x:4930 不在以下…".
  rule(/\b([a-z][a-z0-9+.-]{1,9}):\/\/[^\s/'"<>()（）\p{Script=Han}]+(\/[^\s?#'"<>()（）\p{Script=Han}]*)?(?:[?#][^\s'"<>()（）\p{Script=Han}]*)?/gu, (_m, scheme, path) => `${scheme}://${MASK.url}${trimPath(path ?? "")}`),
  (text) => replaceEmails(text, MASK.email),
  rule(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, () => MASK.uuid),
  // Dates and times, with optional time zone: 2024-05-01T12:00:01.123Z, 2024/05/01 12:00:01, 12:00:01,123
  rule(/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:z|[+-]\d{2}:?\d{2})?\b/g, () => MASK.time),
  rule(/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, () => MASK.time),
  // WeChat appends a request id to every errmsg: "rid: 6523f1a2-0b1c2d3e-…"
  rule(/\brid:\s*[0-9a-z-]+/g, () => `rid: ${MASK.id}`),
  // IPv4 with an optional port; loopback and 0.0.0.0 are meaningful here ("do not use 127.0.0.1").
  rule(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, (m) => (LOOPBACK.test(m.split(":")[0] ?? "") ? m : MASK.ip)),
  // Per-user and per-process parts of paths.
  rule(/(\/tmp\/|\/home\/|\/proc\/|\\users\\)[^\s/\\'"]+/g, (_m, prefix) => `${prefix}${MASK.path}`),
  // Durations and sizes: 35ms, 1.5s, 512kb, 99%.
  rule(/\b\d+(?:\.\d+)?(?:ms|us|ns|s|m|h|kb|mb|gb|k|b|%)(?![\w.])/g, () => MASK.num),
  // Hex ids, hashes and container ids: at least one digit and one letter, 8+ characters.
  rule(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/g, () => MASK.hex),
  // Random tokens such as y8n2hlf9: letters and digits interleaved, not a word with a version suffix.
  rule(/\b(?=[a-z0-9]{6,}\b)(?=(?:[a-z]*\d){2})(?=(?:\d*[a-z]){2})[a-z]+\d+[a-z]+[a-z0-9]*\b/g, () => MASK.id),
];

/** The path without its trailing slashes (a loop: `/\/+$/` retries from every slash of a run). */
function trimPath(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

/** Replaces the volatile parts of already-folded text with placeholders. */
export function maskVolatile(folded: string, options: MaskOptions = {}): string {
  let text = folded;
  for (const step of RULES) text = step(text);
  const keep = options.keepNumbers;
  return text.replace(/(?<![\w.])\d+(?:\.\d+)*(?![\w.])/g, (digits) =>
    looksLikeErrorCode(digits) || keep?.has(digits) || LOOPBACK.test(digits) ? digits : MASK.num,
  );
}

/** The comparable form of a line: folded, then masked. */
export function normalizeLine(text: string, options: MaskOptions = {}): string {
  return maskVolatile(fold(text), options);
}
