import { hasPlaceholders, parseSignature, type PlaceholderName } from "@/content/signature-pattern";
import type { SignatureRecord, StoredSignature } from "./index-data";
import { fold, normalizeLine } from "./normalize";
import { anchors } from "./tokenize";

/**
 * Signature matching: does a query line contain an error text that an entry or a cause claims?
 * - A plain signature is compared with the line after both are folded and masked (timestamps,
 *   ids and numbers replaced), so it matches whatever those parts were this time.
 * - A signature with placeholders (`connect ECONNREFUSED {loopback}:{port}`) becomes a matcher
 *   over the folded line in which each placeholder accepts only its kind of value, so that
 *   `{loopback}` and `{name}` can lead to different causes. The values it read are kept, to be
 *   explained to the user.
 * Candidates are found through each signature's rarest anchor (a Latin word or a Han bigram), so
 * a line is only compared with the few signatures that could match it.
 */
export interface SignatureHit {
  readonly record: SignatureRecord;
  /** What each placeholder matched, in order. */
  readonly values: readonly { readonly placeholder: PlaceholderName; readonly value: string }[];
}

/**
 * Placeholder → what it accepts in folded (lower-case) text. Every class is bounded (and most end
 * with a one-character lookahead that stops them inside a word), so backtracking at one position
 * is bounded too and matching stays linear in the line's length.
 */
const CLASSES: Record<PlaceholderName, string> = {
  host: "[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?",
  name: "[a-z][a-z0-9_-]{0,62}(?![a-z0-9_.-])",
  loopback: "(?:127\\.0\\.0\\.1|localhost|::1|0\\.0\\.0\\.0)(?![a-z0-9_.])",
  ip: "\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])",
  port: "\\d{1,5}(?!\\d)",
  n: "-?\\d{1,12}(?!\\d)",
  path: "[^\\s'\"<>()（）]{1,400}",
  "*": "[^\\n]{0,200}?",
};

const WORD = /[a-z0-9_]/;

export interface SignatureMatcher {
  readonly record: SignatureRecord;
  /** Null for a plain signature (compared with the masked line). */
  readonly pattern: RegExp | null;
  readonly placeholders: readonly PlaceholderName[];
  /** How much a hit says: longer literal text says more; Han characters more than Latin ones. */
  readonly weight: number;
}

export function compileSignature(record: SignatureRecord): SignatureMatcher {
  if (!record.pattern) return { record, pattern: null, placeholders: [], weight: literalWeight(record.norm) };
  const { pieces } = parseSignature(record.norm);
  let source = "";
  const placeholders: PlaceholderName[] = [];
  let literal = "";
  pieces.forEach((piece, index) => {
    if ("literal" in piece) {
      literal += piece.literal;
      const escaped = piece.literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const start = index === 0 && WORD.test(piece.literal[0] ?? "") ? "(?<![a-z0-9_])" : "";
      const end = index === pieces.length - 1 && WORD.test(piece.literal.at(-1) ?? "") ? "(?![a-z0-9_])" : "";
      source += start + escaped + end;
    } else {
      placeholders.push(piece.placeholder);
      source += `(${CLASSES[piece.placeholder]})`;
    }
  });
  // Typed placeholders narrow a signature down as much as a few literal characters would.
  const typed = placeholders.filter((p) => p === "loopback" || p === "name" || p === "ip" || p === "port").length;
  return { record, pattern: new RegExp(source), placeholders, weight: literalWeight(literal) + 3 * typed };
}

/**
 * A stored signature made ready to match. The index stores only the text: the comparable form is
 * derived from it where the index loads, with the same numbers kept literal as in queries.
 */
export function signatureRecord(stored: StoredSignature, keepNumbers: ReadonlySet<string>): SignatureRecord {
  const pattern = hasPlaceholders(stored.text);
  return { ...stored, norm: pattern ? normalizePattern(stored.text) : normalizeLine(stored.text, { keepNumbers }), pattern };
}

/** The comparable form of a signature with placeholders: folded, placeholders left as written. */
export function normalizePattern(text: string): string {
  return fold(text);
}

function literalWeight(norm: string): number {
  let weight = 0;
  for (const char of norm.replace(/<[a-z]+>|\s/g, "")) weight += /\p{Script=Han}/u.test(char) ? 2 : 1;
  return weight;
}

export class SignatureIndex {
  private readonly byAnchor = new Map<string, SignatureMatcher[]>();

  constructor(records: readonly SignatureRecord[]) {
    const matchers = records.map(compileSignature);
    const anchorsOf = matchers.map((m) => anchors(m.record.pattern ? literalPart(m.record.norm) : m.record.norm));
    const frequency = new Map<string, number>();
    for (const list of anchorsOf) for (const a of list) frequency.set(a, (frequency.get(a) ?? 0) + 1);
    matchers.forEach((matcher, i) => {
      const list = anchorsOf[i] ?? [];
      const rarest = [...list].sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || b.length - a.length)[0] ?? "";
      let bucket = this.byAnchor.get(rarest);
      if (!bucket) this.byAnchor.set(rarest, (bucket = []));
      bucket.push(matcher);
    });
  }

  /** Every signature the line contains. `folded` is the line after `fold`, `masked` after `maskVolatile` too. */
  match(folded: string, masked: string): (SignatureHit & { weight: number })[] {
    const found: (SignatureHit & { weight: number })[] = [];
    const seen = new Set<SignatureMatcher>();
    for (const anchor of new Set([...anchors(masked), ...anchors(folded)])) {
      for (const matcher of this.byAnchor.get(anchor) ?? []) {
        if (seen.has(matcher)) continue;
        seen.add(matcher);
        if (!matcher.pattern) {
          if (containsAtBoundary(masked, matcher.record.norm)) found.push({ record: matcher.record, values: [], weight: matcher.weight });
          continue;
        }
        const m = matcher.pattern.exec(folded);
        if (m) {
          const values = matcher.placeholders.map((placeholder, i) => ({ placeholder, value: m[i + 1] ?? "" }));
          found.push({ record: matcher.record, values, weight: matcher.weight });
        }
      }
    }
    return found;
  }
}

function literalPart(norm: string): string {
  return parseSignature(norm)
    .pieces.map((piece) => ("literal" in piece ? piece.literal : " "))
    .join("");
}

/**
 * `needle` occurs in `haystack`, and a Latin needle does not start or end inside a word. Underscores
 * that only wrap the text (Markdown emphasis: `_Access denied for user …_`) are not part of a word.
 */
export function containsAtBoundary(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const startsOk = !WORD.test(needle[0] ?? "") || !WORD.test(outside(haystack, at - 1, -1));
    const endsOk = !WORD.test(needle.at(-1) ?? "") || !WORD.test(outside(haystack, at + needle.length, 1));
    if (startsOk && endsOk) return true;
  }
  return false;
}

/** The character next to a match, looking past a run of underscores to what is beyond it. */
function outside(text: string, from: number, step: 1 | -1): string {
  let at = from;
  while (text[at] === "_") at += step;
  return at === from ? (text[at] ?? " ") : WORD.test(text[at] ?? " ") ? "_" : " ";
}
