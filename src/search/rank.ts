import { displaySignature } from "@/content/signature-pattern";
import { entryUrl } from "@/urls";
import { bm25 } from "./bm25";
import { pickCause } from "./causes";
import { nameCover, probability, wordingOf, type FeatureVector } from "./confidence";
import { createCorpus } from "./corpus";
import { SEARCH_CONFIG } from "./config";
import { detectFamilies, explain, familyTerms, type FamilyHit } from "./families";
import { facetCounts, matchesFilter, type Facets, type SearchFilter } from "./facets";
import { closestWord } from "./fuzzy";
import type { DocMeta, SearchIndexData } from "./index-data";
import { boundQuery, queryUnits, type QueryUnit } from "./lines";
import { fold, looksLikeErrorCode, maskVolatile } from "./normalize";
import { maskSecrets } from "./secrets";
import { SignatureIndex, signatureRecord, type SignatureHit } from "./signatures";
import { bestSnippet } from "./snippets";
import { loadNeighbours, NeighbourIndex, type NeighbourHit } from "./neighbours";
import { conceptTerms } from "./synonyms";
import { stem, terms } from "./tokenize";
import { kthLargest, topScored } from "./top";

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
  /** How many of the query's candidates (before the filter) are in each area, system and kind. */
  readonly facets: Facets;
  /** A neighbouring problem the query prints, which this knowledge base does not fix (neighbours.ts). */
  readonly neighbour?: Omit<NeighbourHit, "weight" | "weightOn">;
}

export interface SearchOptions {
  readonly limit?: number;
  /** Only entries of this area, system and kind are answers or suggestions. */
  readonly filter?: SearchFilter;
}

/** What one line asked for, shared by every entry scored against it. */
interface UnitContext {
  readonly unit: QueryUnit;
  readonly terms: readonly string[];
  readonly weights: ReadonlyMap<string, number>;
  /** Σ weight of the asked terms. */
  readonly total: number;
  /** Error codes the line names. */
  readonly codes: readonly string[];
  readonly families: readonly FamilyHit[];
  readonly familyTerms: readonly string[];
  /** The asked terms that are whole words, not bigrams (the `wording` feature reads these). */
  readonly words: readonly string[];
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
  /** Each line's best entry. */
  readonly lineTops: readonly Evidence[];
  readonly multi: boolean;
  readonly units: readonly QueryUnit[];
  readonly truncated: boolean;
  /** The paste read as one text: its context and each entry's coverage of it. */
  readonly whole: { readonly context: UnitContext; readonly rel: ReadonlyMap<number, number> };  /** The most specific neighbouring problem any line prints (neighbours.ts). */
  readonly neighbour: NeighbourHit | null;
  /** The paste's words, as a whole (see UnitContext.words), and its `wording` confidence feature. */
  readonly words: readonly string[];
  readonly wording: number;
}

export interface Searcher {
  readonly data: SearchIndexData;
  search(query: string, options?: SearchOptions): SearchResponse;
  /**
   * The first-ranked entry and the confidence features of it, before any decision (for fitting
   * the model); `neighbour` when a recognised neighbouring problem keeps it from being an answer.
   */
  first(query: string): { id: string; features: FeatureVector; neighbour: boolean; words: readonly string[] } | null;
}

export function createSearcher(data: SearchIndexData): Searcher {
  const { k1 } = SEARCH_CONFIG;
  const corpus = createCorpus(data);
  const { docCount, keepNumbers, termIdf, entryHas, unknownIdf } = corpus;
  const signatures = new SignatureIndex(data.signatures.map((stored) => signatureRecord(stored, keepNumbers)));
  const neighbours = new NeighbourIndex(loadNeighbours(data.neighbours, keepNumbers));
  const wordOddsOf = new Map(Object.entries(data.wording));
  /**
   * Whether an entry's evidence outweighs a recognised neighbour: only an error text of its own,
   * on a line of the log that prints no neighbour (both problems are there) or as specific as the
   * one that line prints.
   */
  const outweighs = (e: Evidence, neighbour: NeighbourHit | null) =>
    !neighbour || (e.signature !== null && e.signature.weight >= (neighbour.weightOn.get(e.context.unit.line) ?? 0));
  // Per-searcher buffers of one slot per entry, left cleared after each use.
  const scratch = new Float64Array(docCount);
  const flagged = new Uint8Array(docCount);

  function contextOf(unit: QueryUnit, maxTerms: number): { context: UnitContext; folded: string; masked: string } {
    const folded = fold(unit.text);
    const masked = maskVolatile(folded, { keepNumbers });
    const families = detectFamilies(folded);
    const asked = terms(folded, { keepNumbers });
    const famTerms = familyTerms(families);
    const list = [...new Set([...asked.all.slice(0, maxTerms), ...conceptTerms(folded), ...famTerms])];
    let total = 0;
    const weights = new Map<string, number>();
    for (const term of list) {
      const weight = termIdf(term) ?? unknownWeight(term, asked.words, unknownIdf);
      weights.set(term, weight);
      total += weight;
    }
    const codes = asked.all.filter((t) => /^\d+$/.test(t) && looksLikeErrorCode(t));
    const words = asked.all.slice(0, maxTerms).filter((t) => asked.words.has(t));
    return {
      context: {
        unit,
        terms: list,
        weights,
        total,
        codes,
        families,
        familyTerms: famTerms,
        words,
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
    const scores = bm25(context.terms, context.weights, corpus.postings, { k1 }, scratch);
    let bestRel = 0;
    for (const rel of scores.rel) bestRel = Math.max(bestRel, rel);

    // fuse.js is for typos: only worth its cost when words and signatures found nothing good.
    const fuzzyBonus = new Map<number, number>();
    const short = folded.length <= SEARCH_CONFIG.fuzzyMaxChars && folded.length >= 3;
    if (fuzzy && short && signatureOf.size === 0 && bestRel < SEARCH_CONFIG.fuzzyBelow) {
      for (const hit of corpus.fuzzyNames.search(folded, 5)) fuzzyBonus.set(hit.index, 0.25 * (1 - hit.score));
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
    // Most entries have neither a signature nor a typo bonus: they are judged by words alone,
    // without a lookup each (a large corpus touches thousands per line).
    // Nor is one kept that cannot reach the line's best few: with more than enough candidates,
    // the bar is the score of the last of those by words alone (bonuses only raise it).
    // They are flagged in a per-searcher array (left cleared) rather than a Set: the loop below
    // asks once per touched entry, thousands of times per line.
    const extra = [...new Set([...signatureOf.keys(), ...fuzzyBonus.keys()])];
    for (const doc of extra) flagged[doc] = 1;
    const { docs, rel } = scores;
    const keep = SEARCH_CONFIG.maxLimit;
    const bar = docs.length > keep * 4 ? Math.max(floor, salience * kthLargest(rel, keep)) : floor;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] ?? 0;
      const r = rel[i] ?? 0;
      if (flagged[doc] === 1) {
        flagged[doc] = 0;
        consider(doc, r);
      } else if (salience * r >= bar) found.push({ doc, score: salience * r, rel: r, signature: null, context });
    }
    for (const doc of extra) {
      if (flagged[doc] === 0) continue;
      flagged[doc] = 0;
      consider(doc, 0);
    }
    return topScored(found, keep);
  }

  /**
   * The confidence features of a candidate (see confidence.ts). The query-level ones (error codes,
   * families) read the whole paste, so a story's title line cannot hide the error code in its log.
   */
  function featuresOf(e: Evidence, ranking: Ranking): FeatureVector {
    const { context } = ranking.whole;
    return {
      score: e.score,
      whole: ranking.whole.rel.get(e.doc) ?? 0,
      aliasCover: nameCover(corpus.namesOf(e.doc), context.weights, termIdf),
      code: context.codes.length === 0 ? 0 : context.codes.some((c) => entryHas(e.doc, c)) ? 1 : -1,
      family: context.familyTerms.length === 0 ? 0 : context.familyTerms.some((t) => t.startsWith("~fam:") && entryHas(e.doc, t)) ? 1 : -1,
      reliability: data.reliability[e.doc] ?? 0,
      wording: ranking.wording,
    };
  }

  /** The cause a hit points at: the one owning the matched signature, else one the line clearly describes. */
  function causeOf(e: Evidence): number {
    if (e.signature && e.signature.record.cause >= 0) return e.signature.record.cause;
    const causes = data.docs[e.doc]?.causes ?? [];
    return pickCause(
      causes.map((_c, i) => corpus.termsOfCause(e.doc, i)),
      e.context.weights,
      e.context.total,
    );
  }

  function toHit(e: Evidence): SearchHit {
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
      ...(unit.line !== undefined ? { line: unit.line, lineText: maskSecrets(unit.text).slice(0, 200) } : {}),
      matched: [...(e.signature ? [e.signature.record.text] : []), ...matched].slice(0, 12),
      ...(e.signature ? { signature: e.signature.record.text } : {}),
      ...snippetOf(doc, index, e, matched),
      ...(explanation ? { explain: maskSecrets(explanation) } : {}),
    };
  }

  function snippetOf(doc: DocMeta, cause: number, e: Evidence, matched: readonly string[]): { snippet?: string } {
    if (e.signature) return { snippet: displaySignature(e.signature.record.text) };
    const text = bestSnippet(corpus.quotablesOf(e.doc), cause, new Set(matched), e.context.weights);
    return text ? { snippet: displaySignature(text) } : {};
  }

  function rankAll(query: string): Ranking {
    const { text, truncated } = boundQuery(query, SEARCH_CONFIG.maxQueryBytes);
    const units = queryUnits(text, SEARCH_CONFIG.maxLines);
    const multi = units.length > 1;
    const best = new Map<number, Evidence>();
    const lineTops: Evidence[] = [];
    for (const unit of units) {
      const ranked = scoreLine(unit, !multi);
      if (ranked[0]) lineTops.push(ranked[0]);
      for (const e of ranked) {
        const seen = best.get(e.doc);
        if (!seen || e.score > seen.score) best.set(e.doc, { ...e });
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
    // A story's best reading may be one of its sentences; its wording is the whole story's.
    const wholeWords = wholeContext.unit.text === wholeUnit.text ? wholeContext.words : contextOf(wholeUnit, SEARCH_CONFIG.maxTermsPerLine).context.words;
    return {
      ordered,
      lineTops,
      multi,
      units,
      truncated,
      whole: { context: wholeContext, rel: wholeRel },
      neighbour: neighbours.recognise(units, keepNumbers),
      words: wholeWords,
      wording: wordingOf((word) => wordOddsOf.get(word), wholeWords),
    };
  }

  return {
    data,
    first(query) {
      const ranking = rankAll(query);
      const { ordered } = ranking;
      const top = ordered[0];
      const doc = top ? data.docs[top.doc] : undefined;
      return top && doc ? { id: doc.id, features: featuresOf(top, ranking), neighbour: !outweighs(top, ranking.neighbour), words: ranking.words } : null;
    },
    search(query, options = {}) {
      const response = decide(query, options);
      if (response.confident || response.lines > 1 || query.length > SEARCH_CONFIG.fuzzyMaxChars) return response;
      const corrected = respell(query);
      return corrected && decide(corrected, options).confident ? { ...response, didYouMean: corrected } : response;
    },
  };

  /**
   * The query with each Latin word the knowledge base does not know replaced by the closest one it
   * does (`redirct_uri` → `redirect_uri`), or null when nothing changed.
   */
  function respell(query: string): string | null {
    const folded = fold(query);
    // The spelling index is built on the first word that needs it: on a large corpus that costs
    // as much as hundreds of searches, and most unanswered short queries have no unknown word.
    let spelling: ReturnType<typeof corpus.spelling> | null = null;
    let changed = false;
    const text = folded.replace(/[a-z][a-z0-9_]{3,}/g, (word) => {
      if (termIdf(stem(word)) !== null || termIdf(word) !== null) return word;
      spelling ??= corpus.spelling();
      const better = closestWord(spelling.index, spelling.words, word);
      if (!better) return word;
      changed = true;
      return better;
    });
    return changed ? text : null;
  }

  function decide(query: string, options: SearchOptions): SearchResponse {
    const ranking = rankAll(query);
    const { multi, units, truncated, neighbour } = ranking;
    const docOf = (e: Evidence) => data.docs[e.doc] as DocMeta;
    const facets = facetCounts(ranking.ordered.map(docOf));
    const filter = options.filter ?? {};
    const ordered = ranking.ordered.filter((e) => matchesFilter(docOf(e), filter));
    const lineTops = ranking.lineTops.filter((e) => matchesFilter(docOf(e), filter));
    const model = data.confidence;
    // Only the candidates that can be answers are judged (a large corpus ranks thousands): the
    // first, and in a log each line's own best match.
    const answerable = (e: Evidence) => outweighs(e, neighbour) && probability(model, featuresOf(e, ranking)) >= model.threshold;
    const answerDocs = new Set<number>();
    const top = ordered[0];
    if (top && answerable(top)) answerDocs.add(top.doc);
    if (multi) {
      for (const e of lineTops) if (answerable(e)) answerDocs.add(e.doc);
    }
    const limit = clampLimit(options.limit);
    const topScore = top?.score ?? 0;
    const results: Evidence[] = [];
    if (answerDocs.size > 0) {
      const maxAnswers = multi ? limit : Math.min(limit, SEARCH_CONFIG.maxAnswers);
      for (const e of ordered) {
        if (results.length >= maxAnswers) break;
        if (answerDocs.has(e.doc) || (!multi && outweighs(e, neighbour) && e.score >= SEARCH_CONFIG.answerRelativeFloor * topScore)) results.push(e);
      }
    }
    const suggestions = ordered.filter((e) => !results.includes(e)).slice(0, Math.min(limit, SEARCH_CONFIG.maxSuggestions));
    const response: SearchResponse = {
      query,
      confident: results.length > 0,
      results: results.map(toHit),
      suggestions: suggestions.map(toHit),
      truncated,
      lines: units.filter((u) => u.line !== undefined).length || 1,
      facets,
      ...(neighbour ? { neighbour: { id: neighbour.id, title: neighbour.title, hint: neighbour.hint, signature: displaySignature(neighbour.signature), ...(neighbour.line !== undefined ? { line: neighbour.line } : {}) } } : {}),
    };
    return response;
  }
}

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
