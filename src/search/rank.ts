import Fuse from "fuse.js";
import { entryUrl } from "@/urls";
import { bm25, idf, postingsContain, type Postings } from "./bm25";
import { pickCause } from "./causes";
import { probability, type FeatureVector } from "./confidence";
import { SEARCH_CONFIG } from "./config";
import { detectFamilies, explain, familyTerms, type FamilyHit } from "./families";
import { FUZZY_KEYS, WEIGHT_SCALE, type DocMeta, type FuzzyRecord, type SearchIndexData } from "./index-data";
import { boundQuery, queryUnits, type QueryUnit } from "./lines";
import { fold, looksLikeErrorCode, maskVolatile } from "./normalize";
import { maskSecrets } from "./secrets";
import { SignatureIndex, type SignatureHit } from "./signatures";
import { bestSnippet } from "./snippets";
import { conceptTerms } from "./synonyms";
import { terms } from "./tokenize";

/**
 * Search, pure and shared by the server (API, /search page, CLI) and the browser (palette). The
 * jobs live in their own files; this one runs them in order for each line of the query:
 * signatures (signatures.ts) and error families (families.ts) recognise the error; BM25F
 * (bm25.ts) ranks by words; fuse.js covers typos in short queries; then the lines are combined,
 * the confidence model (confidence.ts) decides what is presented as the answer, and each hit is
 * pointed at a cause (causes.ts) and given a snippet (snippets.ts) and an explanation.
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
  /** Estimated probability that this is the right entry (0–1), for answers and suggestions alike. */
  readonly confidence: number;
  /** 1-based line of a multi-line query that produced this hit. */
  readonly line?: number;
  readonly lineText?: string;
  /** What matched: the signature (if one did), then the query terms found in the entry. */
  readonly matched: readonly string[];
  readonly signature?: string;
  /** A short text of the entry that shows why it came up. */
  readonly snippet?: string;
  /** What the host, port or code in the query line mean (from the error family). */
  readonly explain?: string;
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
  /** A spelling of a short query that the knowledge base knows, when the query as typed found no answer. */
  readonly didYouMean?: string;
}

/** What one line asked for, shared by every entry scored against it. */
interface UnitContext {
  readonly unit: QueryUnit;
  readonly terms: readonly string[];
  readonly weights: ReadonlyMap<string, number>;
  /** Σ weight of the asked terms. */
  readonly total: number;
  /** Share of `total` in terms the index has never seen. */
  readonly unknownShare: number;
  /** Error codes the line names. */
  readonly codes: readonly string[];
  /** Terms the index has never seen that look like the name of a different error: codes, identifiers, long jargon. */
  readonly strange: number;
  /** Share of `total` in unknown plain words: the story around an error, which says nothing against an entry. */
  readonly plainUnknownShare: number;
  readonly families: readonly FamilyHit[];
  readonly familyTerms: readonly string[];
}

interface Evidence {
  readonly doc: number;
  score: number;
  readonly rel: number;
  readonly signature: (SignatureHit & { weight: number }) | null;
  readonly context: UnitContext;
}

/** Everything ranking found for one query, before the decision of what to present. */
interface Ranking {
  readonly ordered: readonly Evidence[];
  /** Each line's best entry and its runner-up's score. */
  readonly lineTops: readonly { readonly e: Evidence; readonly next: number }[];
  readonly multi: boolean;
  readonly units: readonly QueryUnit[];
  readonly truncated: boolean;
  /** The paste read as one text: its context and each entry's coverage of it. */
  readonly whole: { readonly context: UnitContext; readonly rel: ReadonlyMap<number, number> };
  /** Each entry's best coverage of a line that reports a failure. */
  readonly errorRel: ReadonlyMap<number, number>;
  readonly errorLines: boolean;
}

export interface Searcher {
  readonly data: SearchIndexData;
  search(query: string, options?: { limit?: number }): SearchResponse;
  /** The first-ranked entry and the confidence features of it, before any decision (for fitting the model). */
  first(query: string): { id: string; features: FeatureVector } | null;
}

export function createSearcher(data: SearchIndexData): Searcher {
  const { k1 } = SEARCH_CONFIG;
  const docCount = data.docs.length;
  const keepNumbers = new Set(data.keepNumbers);
  const termIndex = new Map(data.vocabulary.map((term, i) => [term, i]));
  const index: Postings = {
    docCount,
    scale: WEIGHT_SCALE,
    postingsOf: (term) => {
      const i = termIndex.get(term);
      return i === undefined ? undefined : data.postings[i];
    },
  };
  const unknownIdf = idf(docCount, 1);
  const termIdf = (term: string): number | null => {
    const postings = index.postingsOf(term);
    return postings ? idf(docCount, postings.length / 2) : null;
  };
  const entryHas = (doc: number, term: string) => {
    const postings = index.postingsOf(term);
    return postings ? postingsContain(postings, doc) : false;
  };
  // Each cause's own terms, derived once on first use.
  const causeTerms = new Map<string, ReadonlySet<string>>();
  const termsOfCause = (doc: number, cause: number): ReadonlySet<string> => {
    const key = `${doc}:${cause}`;
    let set = causeTerms.get(key);
    if (!set) {
      const text = fold(data.docs[doc]?.causes[cause]?.text ?? "");
      set = new Set([...terms(text, { keepNumbers }).all, ...conceptTerms(text)]);
      causeTerms.set(key, set);
    }
    return set;
  };
  const signatures = new SignatureIndex(data.signatures);
  // The serialised fuse index holds the texts; results are only used for their position.
  const placeholders: FuzzyRecord[] = data.docs.map(() => ({ title: "", signatures: [] }));
  const fuse = new Fuse<FuzzyRecord>(
    placeholders,
    { keys: [...FUZZY_KEYS], includeScore: true, ignoreLocation: true, threshold: 0.34, minMatchCharLength: 2 },
    Fuse.parseIndex<FuzzyRecord>(data.fuzzy),
  );
  const scratch = new Float64Array(docCount);

  function contextOf(unit: QueryUnit, maxTerms: number): { context: UnitContext; folded: string; masked: string } {
    const folded = fold(unit.text);
    const masked = maskVolatile(folded, { keepNumbers });
    const families = detectFamilies(folded);
    const asked = terms(folded, { keepNumbers });
    const famTerms = familyTerms(families);
    const list = [...new Set([...asked.all.slice(0, maxTerms), ...conceptTerms(folded), ...famTerms])];
    let total = 0;
    let unknown = 0;
    const weights = new Map<string, number>();
    for (const term of list) {
      const known = termIdf(term);
      const weight = known ?? unknownWeight(term, asked.words, unknownIdf);
      weights.set(term, weight);
      total += weight;
      if (known === null) unknown += weight;
    }
    const codes = asked.all.filter((t) => /^\d+$/.test(t) && looksLikeErrorCode(t));
    const strangeTerms = list.filter((t) => termIdf(t) === null && asked.words.has(t) && STRANGE.test(t));
    const plainUnknown = list.filter((t) => termIdf(t) === null && !strangeTerms.includes(t)).reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
    return {
      context: {
        unit,
        terms: list,
        weights,
        total,
        unknownShare: total > 0 ? unknown / total : 0,
        codes,
        strange: strangeTerms.length,
        plainUnknownShare: total > 0 ? plainUnknown / total : 0,
        families,
        familyTerms: famTerms,
      },
      folded,
      masked,
    };
  }

  /**
   * A long line that tells a story in several sentences is also read sentence by sentence: the
   * sentence that names the problem should not be diluted by the ones around it. Each entry keeps
   * its best reading.
   */
  function scoreLine(unit: QueryUnit, fuzzy: boolean): Evidence[] {
    const whole = scoreUnit(unit, fuzzy);
    const parts = sentencesOf(unit.text);
    if (parts.length < 2) return whole;
    const best = new Map(whole.map((e) => [e.doc, e]));
    for (const part of parts) {
      for (const e of scoreUnit({ ...unit, text: part }, false)) {
        const seen = best.get(e.doc);
        if (!seen || e.score > seen.score) best.set(e.doc, e);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, SEARCH_CONFIG.maxLimit);
  }

  function scoreUnit(unit: QueryUnit, fuzzy: boolean, maxTerms: number = SEARCH_CONFIG.maxTermsPerLine): Evidence[] {
    const { context, folded, masked } = contextOf(unit, maxTerms);
    const signatureOf = new Map<number, SignatureHit & { weight: number }>();
    for (const hit of signatures.match(folded, masked)) {
      const seen = signatureOf.get(hit.record.doc);
      // The more specific claim wins; between equals, one that names a cause.
      if (!seen || hit.weight > seen.weight || (hit.weight === seen.weight && hit.record.cause >= 0 && seen.record.cause < 0)) signatureOf.set(hit.record.doc, hit);
    }
    const scores = bm25(context.terms, context.weights, index, { k1 }, scratch);
    let bestRel = 0;
    for (const rel of scores.rel) bestRel = Math.max(bestRel, rel);

    // fuse.js is for typos: only worth its cost when words and signatures found nothing good.
    const fuzzyBonus = new Map<number, number>();
    const short = folded.length <= SEARCH_CONFIG.fuzzyMaxChars && folded.length >= 3;
    if (fuzzy && short && signatureOf.size === 0 && bestRel < SEARCH_CONFIG.fuzzyBelow) {
      for (const hit of fuse.search(folded, { limit: 5 })) fuzzyBonus.set(hit.refIndex, 0.25 * (1 - (hit.score ?? 1)));
    }

    // A log line that asks for little (two common words) cannot say much about any entry.
    const salience = (unit.salience ?? 1) * (unit.line === undefined ? 1 : Math.min(1, (context.total * (k1 + 1)) / SEARCH_CONFIG.lineEvidence));
    const floor = SEARCH_CONFIG.suggestionThreshold / 2;
    const found: Evidence[] = [];
    const consider = (doc: number, rel: number) => {
      const signature = signatureOf.get(doc) ?? null;
      const score = salience * (rel + (signature ? signatureBoost(signature.weight) : 0) + (fuzzyBonus.get(doc) ?? 0));
      if (score >= floor) found.push({ doc, score, rel, signature, context });
    };
    scores.docs.forEach((doc, i) => consider(doc, scores.rel[i] ?? 0));
    const seen = new Set(scores.docs);
    for (const doc of [...signatureOf.keys(), ...fuzzyBonus.keys()]) {
      if (!seen.has(doc)) {
        seen.add(doc);
        consider(doc, 0);
      }
    }
    return found.sort((a, b) => b.score - a.score).slice(0, SEARCH_CONFIG.maxLimit);
  }

  /**
   * The confidence features of a candidate. Query-level ones (error codes, families, unknown
   * words, length) read the whole paste, so a story's title line cannot hide the error code in
   * its log; candidate-level ones read its best line, the whole paste and the error lines.
   */
  function featuresOf(e: Evidence, next: number, ranking: Ranking): FeatureVector {
    const { whole } = ranking;
    const { context } = whole;
    const code = context.codes.length === 0 ? 0 : context.codes.some((c) => entryHas(e.doc, c)) ? 1 : -1;
    const family = context.familyTerms.length === 0 ? 0 : context.familyTerms.some((t) => t.startsWith("~fam:") && entryHas(e.doc, t)) ? 1 : -1;
    return {
      signature: e.signature ? Math.min(1, e.signature.weight / 24) : 0,
      coverage: e.rel,
      whole: whole.rel.get(e.doc) ?? 0,
      errorLines: ranking.errorLines ? (ranking.errorRel.get(e.doc) ?? 0) : -1,
      score: e.score,
      margin: e.score > 0 ? Math.max(0, (e.score - next) / e.score) : 0,
      code,
      unknown: context.unknownShare,
      lineUnknown: e.context.unknownShare,
      aliasCover: aliasCover(e.doc, context),
      strange: Math.log1p(context.strange),
      knownCoverage: Math.min(1, e.rel / Math.max(0.5, 1 - e.context.plainUnknownShare)),
      knownWhole: Math.min(1, (whole.rel.get(e.doc) ?? 0) / Math.max(0.5, 1 - context.plainUnknownShare)),
      matched: Math.log1p(e.rel * e.context.total),
      length: Math.log1p(context.terms.length),
      family,
    };
  }

  // Each entry's own names (title, aliases, signatures) as term sets, derived once on first use.
  const namesOf = new Map<number, readonly ReadonlySet<string>[]>();
  /** The largest share (by idf) of one of the entry's own names that the query contains. */
  function aliasCover(doc: number, context: UnitContext): number {
    let names = namesOf.get(doc);
    if (!names) {
      const meta = data.docs[doc];
      const texts = [meta?.title ?? "", ...(meta?.snippets ?? []).filter((s) => s.cause === -1).map((s) => s.text)];
      names = texts.map((t) => new Set(terms(fold(t), { keepNumbers }).all.filter((term) => termIdf(term) !== null)));
      namesOf.set(doc, names);
    }
    let best = 0;
    for (const name of names) {
      let all = 0;
      let found = 0;
      for (const term of name) {
        const w = termIdf(term) ?? 0;
        all += w;
        if (context.weights.has(term)) found += w;
      }
      if (all > 0) best = Math.max(best, found / all);
    }
    return best;
  }

  /** The cause a hit points at: the one owning the matched signature, else one the line clearly describes. */
  function causeOf(e: Evidence): number {
    if (e.signature && e.signature.record.cause >= 0) return e.signature.record.cause;
    const causes = data.docs[e.doc]?.causes ?? [];
    return pickCause(
      causes.map((_c, i) => termsOfCause(e.doc, i)),
      e.context.weights,
      e.context.total,
    );
  }

  function toHit(e: Evidence, confidence: number): SearchHit {
    const doc = data.docs[e.doc];
    if (!doc) throw new Error(`search index has no document ${e.doc}`);
    const index = causeOf(e);
    const cause = index >= 0 ? doc.causes[index] : undefined;
    const matched = e.context.terms.filter((term) => !term.startsWith("~") && entryHas(e.doc, term));
    const explanation = e.context.families.map(explain).find((text) => text !== null);
    const { unit } = e.context;
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
      score: Math.round(e.score * 1000) / 1000,
      confidence: Math.round(confidence * 1000) / 1000,
      ...(unit.line !== undefined ? { line: unit.line, lineText: maskSecrets(unit.text).slice(0, 200) } : {}),
      matched: [...(e.signature ? [e.signature.record.text] : []), ...matched].slice(0, 12),
      ...(e.signature ? { signature: e.signature.record.text } : {}),
      ...snippetOf(doc, index, e, matched),
      ...(explanation ? { explain: maskSecrets(explanation) } : {}),
    };
  }

  function snippetOf(doc: DocMeta, cause: number, e: Evidence, matched: readonly string[]): { snippet?: string } {
    if (e.signature) return { snippet: e.signature.record.text };
    const text = bestSnippet(doc.snippets, cause, new Set(matched), e.context.weights);
    return text ? { snippet: text } : {};
  }

  function rankAll(query: string): Ranking {
    const { text, truncated } = boundQuery(query, SEARCH_CONFIG.maxQueryBytes);
    const units = queryUnits(text, SEARCH_CONFIG.maxLines);
    const multi = units.length > 1;
    const best = new Map<number, Evidence>();
    const lineTops: { e: Evidence; next: number }[] = [];
    const errorRel = new Map<number, number>();
    let errorLines = false;
    for (const unit of units) {
      const ranked = scoreLine(unit, !multi);
      if (ranked[0]) lineTops.push({ e: ranked[0], next: ranked[1]?.score ?? 0 });
      const isError = unit.salience === 1;
      errorLines ||= isError;
      for (const e of ranked) {
        const seen = best.get(e.doc);
        if (!seen || e.score > seen.score) best.set(e.doc, { ...e });
        if (isError) errorRel.set(e.doc, Math.max(errorRel.get(e.doc) ?? 0, e.rel));
      }
    }
    // The paste as a whole: an entry that several lines point at together gains on one that a
    // single line happens to match; its context also gives the query-level confidence features.
    const wholeUnit = multi ? { text: units.map((u) => u.text).join("\n") } : (units[0] ?? { text: "" });
    const wholeEvidence = multi ? scoreUnit(wholeUnit, false, SEARCH_CONFIG.maxTermsPerPaste) : [...best.values()];
    const wholeRel = new Map(wholeEvidence.map((w) => [w.doc, w.rel]));
    if (multi) {
      for (const w of wholeEvidence) {
        const seen = best.get(w.doc);
        if (seen) seen.score += SEARCH_CONFIG.pasteWeight * w.rel;
      }
    }
    for (const [doc, e] of best) if (e.score < SEARCH_CONFIG.suggestionThreshold) best.delete(doc);
    const ordered = [...best.values()].sort((a, b) => b.score - a.score);
    const wholeContext = multi ? (wholeEvidence[0]?.context ?? contextOf(wholeUnit, SEARCH_CONFIG.maxTermsPerPaste).context) : (ordered[0]?.context ?? contextOf(wholeUnit, SEARCH_CONFIG.maxTermsPerLine).context);
    return { ordered, lineTops, multi, units, truncated, whole: { context: wholeContext, rel: wholeRel }, errorRel, errorLines };
  }

  return {
    data,
    first(query) {
      const ranking = rankAll(query);
      const { ordered } = ranking;
      const top = ordered[0];
      const doc = top ? data.docs[top.doc] : undefined;
      return top && doc ? { id: doc.id, features: featuresOf(top, ordered[1]?.score ?? 0, ranking) } : null;
    },
    search(query, options = {}) {
      const ranking = rankAll(query);
      const { ordered, lineTops, multi, units, truncated } = ranking;
      const model = data.confidence;
      const confidenceOf = new Map<number, number>();
      ordered.forEach((e, i) => confidenceOf.set(e.doc, probability(model, featuresOf(e, i === 0 ? (ordered[1]?.score ?? 0) : (ordered[0]?.score ?? 0), ranking))));
      // In a log, each line's own best match is judged against that line's runner-up too.
      const answerDocs = new Set<number>();
      const top = ordered[0];
      if (top && (confidenceOf.get(top.doc) ?? 0) >= model.threshold) answerDocs.add(top.doc);
      if (multi) {
        for (const { e, next } of lineTops) {
          if (probability(model, featuresOf(e, next, ranking)) >= model.threshold) answerDocs.add(e.doc);
        }
      }
      const limit = clampLimit(options.limit);
      const topScore = top?.score ?? 0;
      const results: Evidence[] = [];
      if (answerDocs.size > 0) {
        const maxAnswers = multi ? limit : Math.min(limit, SEARCH_CONFIG.maxAnswers);
        for (const e of ordered) {
          if (results.length >= maxAnswers) break;
          if (answerDocs.has(e.doc) || (!multi && e.score >= SEARCH_CONFIG.answerRelativeFloor * topScore)) results.push(e);
        }
      }
      const suggestions = ordered.filter((e) => !results.includes(e)).slice(0, Math.min(limit, SEARCH_CONFIG.maxSuggestions));
      const response: SearchResponse = {
        query,
        confident: results.length > 0,
        results: results.map((e) => toHit(e, confidenceOf.get(e.doc) ?? 0)),
        suggestions: suggestions.map((e) => toHit(e, confidenceOf.get(e.doc) ?? 0)),
        truncated,
        lines: units.filter((u) => u.line !== undefined).length || 1,
      };
      return response;
    },
  };
}

/** An unknown term that names something (an error code, an identifier, jargon) rather than telling a story. */
const STRANGE = /^(?:\d{3,}|[a-z][a-z0-9]*[_.:][a-z0-9_.:]+|[a-z]{9,}|[a-z]+\d[a-z0-9]*)$/;

/** Sentences of a long line (at most 8), for lines over 40 characters. */
function sentencesOf(text: string): string[] {
  if (text.length <= 40) return [];
  return text
    .split(/(?<=[。！？；!?])\s*|(?<=\.)\s+(?=[A-Z])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6)
    .slice(0, 8);
}

/**
 * How much an asked term the index has never seen counts against every entry: an unknown error
 * code or API identifier says this is a different error; an unknown word, that part of the question is not covered;
 * an unknown bigram says little (most are cuts across two words).
 */
function unknownWeight(term: string, words: ReadonlySet<string>, unknownIdf: number): number {
  if (term.startsWith("~")) return 0;
  if (/^\d+$/.test(term) && looksLikeErrorCode(term)) return 2 * unknownIdf;
  // An API field or function name (mentioned_mobile_list, getphonenumber) the index has never seen.
  if (/^[a-z][a-z0-9]*(?:[_.:][a-z0-9]+)+$/.test(term) || /^[a-z]{12,}$/.test(term)) return 2 * unknownIdf;
  return words.has(term) ? unknownIdf : 0;
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return SEARCH_CONFIG.defaultLimit;
  return Math.min(SEARCH_CONFIG.maxLimit, Math.max(1, Math.floor(limit)));
}

/** A signature hit adds up to 0.6: a long claimed error text says as much as a fully covered question. */
function signatureBoost(weight: number): number {
  return 0.6 * Math.min(1, weight / 24);
}
