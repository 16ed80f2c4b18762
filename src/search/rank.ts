import Fuse from "fuse.js";
import { SEARCH_CONFIG } from "./config";
import { FUZZY_KEYS, WEIGHT_SCALE, type DocMeta, type FuzzyRecord, type SearchIndexData, type SignatureRecord } from "./index-data";
import { boundQuery, queryUnits, type QueryUnit } from "./lines";
import { fold, looksLikeErrorCode, maskVolatile } from "./normalize";
import { maskSecrets } from "./secrets";
import { conceptTerms } from "./synonyms";
import { anchors, terms } from "./tokenize";
import { entryUrl } from "@/urls";

/**
 * Ranking, pure and shared by the server (API, /search page, CLI) and the browser (palette).
 * Per line of the query: exact signature hits first (a signature contained in the normalised
 * line), then BM25F relevance normalised to 0–1 by what the line asks for (so "how much of the
 * question does this entry answer" can decide confidence), then fuse.js for typos in titles and
 * signatures of short queries.
 */
export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly kind: DocMeta["kind"];
  readonly url: string;
  readonly area: string;
  readonly areaLabel: string;
  readonly system: string;
  readonly systemLabel: string;
  readonly cause?: string;
  readonly causeTitle?: string;
  readonly score: number;
  /** 1-based line of a multi-line query that produced this hit. */
  readonly line?: number;
  readonly lineText?: string;
  /** What matched: the signature (if one did), then the query terms found in the entry. */
  readonly matched: readonly string[];
  readonly signature?: string;
}

export interface SearchResponse {
  readonly query: string;
  /** True when at least one result is presented as an answer. */
  readonly confident: boolean;
  /** Only what the product presents as answers; empty when not confident. */
  readonly results: readonly SearchHit[];
  /** Weaker matches, offered as "maybe related", never as answers. */
  readonly suggestions: readonly SearchHit[];
  /** The query was longer than the limit and only its end was searched. */
  readonly truncated: boolean;
  /** Lines searched (1 for a one-line query). */
  readonly lines: number;
}

/** What one line asked for, shared by every entry scored against it. */
interface UnitContext {
  readonly terms: readonly string[];
  readonly weights: ReadonlyMap<string, number>;
  /** Σ idf of the asked terms. */
  readonly total: number;
}

interface Scored {
  readonly doc: number;
  score: number;
  readonly rel: number;
  readonly signature: SignatureRecord | null;
  readonly context: UnitContext;
}

export interface Searcher {
  readonly data: SearchIndexData;
  search(query: string, options?: { limit?: number }): SearchResponse;
}

export function createSearcher(data: SearchIndexData): Searcher {
  const { k1 } = SEARCH_CONFIG;
  const docCount = data.docs.length;
  const keepNumbers = new Set(data.keepNumbers);
  const idf = (df: number) => Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  const unknownIdf = idf(1);
  const termIndex = new Map(data.vocabulary.map((term, i) => [term, i]));
  const postingsOf = (term: string) => {
    const i = termIndex.get(term);
    return i === undefined ? undefined : data.postings[i];
  };
  const termIdf = (term: string): number | null => {
    const postings = postingsOf(term);
    return postings ? idf(postings.length / 2) : null;
  };
  // Each cause's own terms (its title), derived once on first use.
  const causeTerms = new Map<string, ReadonlySet<string>>();
  const termsOfCause = (doc: number, cause: number): ReadonlySet<string> => {
    const key = `${doc}:${cause}`;
    let set = causeTerms.get(key);
    if (!set) {
      const meta = data.docs[doc]?.causes[cause];
      const text = fold(meta?.title ?? "");
      set = new Set([...terms(text, { keepNumbers }).all, ...conceptTerms(text)]);
      causeTerms.set(key, set);
    }
    return set;
  };
  const byAnchor = signatureAnchors(data.signatures);
  // The serialised fuse index holds the texts; results are only used for their position.
  const placeholders: FuzzyRecord[] = data.docs.map(() => ({ title: "", signatures: [] }));
  const fuse = new Fuse<FuzzyRecord>(
    placeholders,
    { keys: [...FUZZY_KEYS], includeScore: true, ignoreLocation: true, threshold: 0.34, minMatchCharLength: 2 },
    Fuse.parseIndex<FuzzyRecord>(data.fuzzy),
  );

  // Score accumulators, one slot per entry, reused across lines and queries (reset after use).
  const accumulator = new Float64Array(docCount);

  function scoreUnit(unit: QueryUnit, fuzzy: boolean, maxTerms: number = SEARCH_CONFIG.maxTermsPerLine): Scored[] {
    const folded = fold(unit.text);
    const masked = maskVolatile(folded, { keepNumbers });

    const signatureOf = new Map<number, SignatureRecord>();
    for (const signature of matchSignatures(masked, byAnchor)) {
      const seen = signatureOf.get(signature.doc);
      if (!seen || signatureBoost(signature.norm) > signatureBoost(seen.norm)) signatureOf.set(signature.doc, signature);
    }

    const asked = terms(folded, { keepNumbers });
    const original = [...asked.all.slice(0, maxTerms), ...conceptTerms(folded)];
    let total = 0;
    const weights = new Map<string, number>();
    for (const term of original) {
      const weight = termIdf(term) ?? unknownWeight(term, asked.words, unknownIdf);
      weights.set(term, weight);
      total += weight * (k1 + 1);
    }
    const touched: number[] = [];
    for (const term of original) {
      const postings = postingsOf(term);
      if (!postings) continue;
      const weight = termIdf(term) ?? 0;
      for (let i = 0; i < postings.length; i += 2) {
        const doc = postings[i] ?? 0;
        const tf = (postings[i + 1] ?? 0) / WEIGHT_SCALE;
        if (accumulator[doc] === 0) touched.push(doc);
        accumulator[doc] = (accumulator[doc] ?? 0) + (weight * tf * (k1 + 1)) / (tf + k1);
      }
    }
    const rels = new Float64Array(touched.length);
    let bestRel = 0;
    touched.forEach((doc, i) => {
      const rel = total > 0 ? Math.min(1, (accumulator[doc] ?? 0) / total) : 0;
      accumulator[doc] = 0;
      rels[i] = rel;
      if (rel > bestRel) bestRel = rel;
    });

    // fuse.js is for typos: only worth its cost when words and signatures found nothing good.
    const fuzzyBonus = new Map<number, number>();
    const short = folded.length <= SEARCH_CONFIG.fuzzyMaxChars && folded.length >= 3;
    if (fuzzy && short && signatureOf.size === 0 && bestRel < SEARCH_CONFIG.answerThreshold) {
      for (const hit of fuse.search(folded, { limit: 5 })) fuzzyBonus.set(hit.refIndex, 0.25 * (1 - (hit.score ?? 1)));
    }

    // A log line that asks for little (two common words) cannot say much about any entry.
    const salience = (unit.salience ?? 1) * (unit.line === undefined ? 1 : Math.min(1, total / SEARCH_CONFIG.lineEvidence));
    const context: UnitContext = { terms: original, weights, total: total / (k1 + 1) };
    const floor = SEARCH_CONFIG.suggestionThreshold / 2;
    const scored: Scored[] = [];
    const consider = (doc: number, rel: number) => {
      const signature = signatureOf.get(doc) ?? null;
      const score = salience * (rel + (signature ? signatureBoost(signature.norm) : 0) + (fuzzyBonus.get(doc) ?? 0));
      if (score >= floor) scored.push({ doc, score, rel, signature, context });
    };
    touched.forEach((doc, i) => consider(doc, rels[i] ?? 0));
    const seen = new Set(touched);
    for (const doc of [...signatureOf.keys(), ...fuzzyBonus.keys()]) {
      if (!seen.has(doc)) {
        seen.add(doc);
        consider(doc, 0);
      }
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, SEARCH_CONFIG.maxLimit);
  }

  /** The cause a hit points at: the one owning the matched signature, else one the line clearly describes. */
  function causeOf(s: Scored): number {
    if (s.signature && s.signature.cause >= 0) return s.signature.cause;
    const causes = data.docs[s.doc]?.causes ?? [];
    return pickCause(causes.map((_c, i) => termsOfCause(s.doc, i)), s.context.weights, s.context.total);
  }

  /** The asked terms that this entry's postings contain (postings are sorted by entry). */
  function matchedTerms(s: Scored): string[] {
    return s.context.terms.filter((term) => {
      const postings = postingsOf(term);
      if (!postings) return false;
      let lo = 0;
      let hi = postings.length / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const doc = postings[mid * 2] ?? 0;
        if (doc === s.doc) return true;
        if (doc < s.doc) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    });
  }

  function toHit(s: Scored, unit: QueryUnit): SearchHit {
    const doc = data.docs[s.doc];
    if (!doc) throw new Error(`search index has no document ${s.doc}`);
    const index = causeOf(s);
    const cause = index >= 0 ? doc.causes[index] : undefined;
    return {
      id: doc.id,
      title: doc.title,
      kind: doc.kind,
      url: entryUrl(doc.id, cause?.id),
      area: doc.area,
      areaLabel: data.labels[`area:${doc.area}`] ?? doc.area,
      system: doc.system,
      systemLabel: data.labels[`system:${doc.system}`] ?? doc.system,
      ...(cause ? { cause: cause.id, causeTitle: cause.title } : {}),
      score: Math.round(s.score * 1000) / 1000,
      ...(unit.line !== undefined ? { line: unit.line, lineText: maskSecrets(unit.text).slice(0, 200) } : {}),
      matched: [...(s.signature ? [s.signature.text] : []), ...matchedTerms(s)].slice(0, 12),
      ...(s.signature ? { signature: s.signature.text } : {}),
    };
  }

  return {
    data,
    search(query, options = {}) {
      const { text, truncated } = boundQuery(query, SEARCH_CONFIG.maxQueryBytes);
      const units = queryUnits(text, SEARCH_CONFIG.maxLines);
      const multi = units.length > 1;
      const best = new Map<number, { s: Scored; unit: QueryUnit }>();
      const answerDocs = new Set<number>();
      for (const unit of units) {
        const ranked = scoreUnit(unit, !multi);
        const top = ranked[0];
        if (top && (top.score >= SEARCH_CONFIG.answerThreshold || top.signature)) answerDocs.add(top.doc);
        for (const s of ranked) {
          const seen = best.get(s.doc);
          if (!seen || s.score > seen.s.score) best.set(s.doc, { s: { ...s }, unit });
        }
      }
      if (multi) {
        // The paste as a whole: an entry that several lines point at together gains on one that a
        // single line happens to match.
        const whole = scoreUnit({ text: units.map((u) => u.text).join("\n") }, false, SEARCH_CONFIG.maxTermsPerPaste);
        for (const w of whole) {
          const seen = best.get(w.doc);
          if (seen) seen.s.score += SEARCH_CONFIG.pasteWeight * w.rel;
        }
      }
      for (const [doc, { s }] of best) if (s.score < SEARCH_CONFIG.suggestionThreshold) best.delete(doc);
      const ordered = [...best.values()].sort((a, b) => b.s.score - a.s.score);
      const topScore = ordered[0]?.s.score ?? 0;
      const floor = Math.max(SEARCH_CONFIG.answerThreshold, SEARCH_CONFIG.answerRelativeFloor * topScore);
      const limit = clampLimit(options.limit);
      const maxAnswers = multi ? limit : Math.min(limit, SEARCH_CONFIG.maxAnswers);
      const isAnswer = ({ s }: { s: Scored }) =>
        multi ? answerDocs.has(s.doc) && s.score >= SEARCH_CONFIG.answerThreshold : answerDocs.has(s.doc) || s.score >= floor;
      const results = ordered.filter(isAnswer).slice(0, maxAnswers);
      const suggestions = ordered
        .filter((item) => !results.includes(item))
        .slice(0, Math.min(limit, SEARCH_CONFIG.maxSuggestions));
      return {
        query,
        confident: results.length > 0,
        results: results.map(({ s, unit }) => toHit(s, unit)),
        suggestions: suggestions.map(({ s, unit }) => toHit(s, unit)),
        truncated,
        lines: units.filter((u) => u.line !== undefined).length || 1,
      };
    },
  };
}

/**
 * How much an asked term the index has never seen counts against every entry: an unknown error
 * code or API identifier says this is a different error; an unknown word, that part of the question is not covered;
 * an unknown bigram says little (most are cuts across two words).
 */
function unknownWeight(term: string, words: ReadonlySet<string>, unknownIdf: number): number {
  if (/^\d+$/.test(term) && looksLikeErrorCode(term)) return 2 * unknownIdf;
  // An API field or function name (mentioned_mobile_list, getphonenumber) the index has never seen.
  if (/^[a-z][a-z0-9]*(?:[_.:][a-z0-9]+)+$/.test(term) || /^[a-z]{12,}$/.test(term)) return 2 * unknownIdf;
  return words.has(term) ? unknownIdf : 0;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return SEARCH_CONFIG.defaultLimit;
  return Math.min(SEARCH_CONFIG.maxLimit, Math.max(1, Math.floor(limit)));
}

/** A signature says more the longer it is; Han characters say more than Latin ones. */
function signatureBoost(norm: string): number {
  let weight = 0;
  for (const char of norm.replace(/<[a-z]+>|\s/g, "")) weight += /\p{Script=Han}/u.test(char) ? 2 : 1;
  return 0.6 * Math.min(1, weight / 24);
}

function signatureAnchors(signatures: readonly SignatureRecord[]): Map<string, SignatureRecord[]> {
  const frequency = new Map<string, number>();
  const anchorsOf = signatures.map((s) => anchors(s.norm));
  for (const list of anchorsOf) for (const a of list) frequency.set(a, (frequency.get(a) ?? 0) + 1);
  const map = new Map<string, SignatureRecord[]>();
  signatures.forEach((signature, i) => {
    const list = anchorsOf[i] ?? [];
    const rarest = [...list].sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || b.length - a.length)[0];
    const key = rarest ?? "";
    let bucket = map.get(key);
    if (!bucket) map.set(key, (bucket = []));
    bucket.push(signature);
  });
  return map;
}

function matchSignatures(masked: string, byAnchor: Map<string, SignatureRecord[]>): SignatureRecord[] {
  const found: SignatureRecord[] = [];
  for (const anchor of anchors(masked)) {
    for (const signature of byAnchor.get(anchor) ?? []) {
      if (containsAtBoundary(masked, signature.norm)) found.push(signature);
    }
  }
  return found;
}

/** `needle` occurs in `haystack`, and a Latin needle does not start or end inside a word. */
function containsAtBoundary(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1] ?? " ";
    const after = haystack[at + needle.length] ?? " ";
    const word = /[a-z0-9_]/;
    const startsOk = !word.test(needle[0] ?? "") || !word.test(before);
    const endsOk = !word.test(needle.at(-1) ?? "") || !word.test(after);
    if (startsOk && endsOk) return true;
    from = at + 1;
  }
}

/** The cause whose own terms answer clearly more of the line than any other, if one does. */
function pickCause(causes: readonly ReadonlySet<string>[], weights: ReadonlyMap<string, number>, total: number): number {
  if (causes.length === 0 || total <= 0) return -1;
  const overlaps = causes.map((terms) => [...weights].reduce((sum, [term, weight]) => sum + (terms.has(term) ? weight : 0), 0));
  let first = -1;
  let second = 0;
  overlaps.forEach((overlap, index) => {
    if (first < 0 || overlap > (overlaps[first] ?? 0)) {
      second = first < 0 ? second : (overlaps[first] ?? 0);
      first = index;
    } else if (overlap > second) second = overlap;
  });
  const best = overlaps[first] ?? 0;
  return best >= 0.3 * total && best > 1.25 * second ? first : -1;
}
