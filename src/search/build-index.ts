import type { KnowledgeGraph } from "@/content/graph";
import { getArea, getSystem } from "@/content/graph";
import type { Entry } from "@/content/schema";
import { SEARCH_CONFIG } from "./config";
import { WEIGHT_SCALE, type DocMeta, type FieldName, type SearchIndexData, type StoredSignature } from "./index-data";
import confidenceModel from "./confidence-model.json";
import { parseConfidenceModel, reliabilityOf, wordOdds, type StoredConfidenceModel } from "./confidence";
import { detectFamilies, familyTerms } from "./families";
import { fold } from "./normalize";
import { signatureRecord } from "./signatures";
import { sentences } from "./snippets";
import { conceptTerms } from "./synonyms";
import { termList } from "./tokenize";
import { causeTerms, nameTerms, nameTexts, spellingWords } from "./entry-terms";
import { packPostings, packVocabulary } from "./packing";

/**
 * Builds the search index once, at build time, from the knowledge graph: per-entry weighted term
 * frequencies (BM25F, one number per term and entry), normalised signatures, per-cause terms for
 * pointing at a cause. The result is
 * plain JSON, loaded as-is by the server and by the browser.
 */
// Checked on load, so a hand-edited model fails the build with what is wrong in it.
const STORED_MODEL = parseConfidenceModel(confidenceModel, "src/search/confidence-model.json");

export function buildSearchIndex(graph: KnowledgeGraph, model: StoredConfidenceModel = STORED_MODEL): SearchIndexData {
  // The neighbours' codes (87014, 40029…) stay literal too, or their signatures would match any number.
  const keepNumbers = corpusNumbers([...graph.entries.map((entry) => Object.values(fieldsOf(entry)).join("\n")), ...graph.neighbours.flatMap((n) => n.signatures)]);
  const mask = { keepNumbers: new Set(keepNumbers) };
  const fieldTerms = graph.entries
    .map((entry) => fieldsOf(entry))
    .map((fields) => mapFields(fields, (text, name) => indexTerms(text, name, { ...mask, bigrams: SEARCH_CONFIG.fields[name].bigrams })));
  const averages = mapFields(emptyFields(), (_v, name) => average(fieldTerms.map((f) => f[name].length)));

  const postings = new Map<string, number[]>();
  fieldTerms.forEach((fields, doc) => {
    const weighted = new Map<string, number>();
    for (const name of FIELD_NAMES) {
      const { boost, b } = SEARCH_CONFIG.fields[name];
      const list = fields[name];
      const norm = 1 - b + b * (list.length / (averages[name] || 1));
      for (const term of list) weighted.set(term, (weighted.get(term) ?? 0) + boost / norm);
    }
    for (const [term, weight] of weighted) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(doc, Math.max(1, Math.round(weight * WEIGHT_SCALE)));
    }
  });

  const docs: DocMeta[] = graph.entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    area: entry.area,
    system: entry.system,
    causes:
      entry.kind === "problem"
        ? entry.causes.map((c) => ({ id: c.id, title: c.title, question: c.check.question }))
        : [],
    summary: sentences(entry.summary),
    aliases: entry.aliases,
  }));

  const signatures: StoredSignature[] = graph.entries
    .flatMap((entry, doc) => [
      ...entry.signatures.map((text) => ({ text, doc, cause: -1 })),
      ...(entry.kind === "problem" ? entry.causes.flatMap((cause, index) => cause.signatures.map((text) => ({ text, doc, cause: index }))) : []),
    ])
    .filter((stored) => {
      const { pattern, norm } = signatureRecord(stored, mask.keepNumbers);
      return pattern || informative(norm);
    });

  const sorted = [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map(sorted.map(([term], i) => [term, i]));
  const known = (term: string) => idOf.has(term);
  const ids = (list: readonly string[]) => list.map((term) => idOf.get(term) ?? -1);
  // Grouped once: filtering every signature for each entry is quadratic at 10,000 entries.
  const signaturesOf = new Map<number, StoredSignature[]>();
  for (const sig of signatures) {
    const list = signaturesOf.get(sig.doc);
    if (list) list.push(sig);
    else signaturesOf.set(sig.doc, [sig]);
  }
  return {
    format: 7,
    version: graph.version,
    docs: docs.map((doc, i) => {
      const own = signaturesOf.get(i) ?? [];
      return {
        ...doc,
        causes: doc.causes.map((cause, c) => ({ ...cause, terms: ids(causeTerms(cause, own.filter((sig) => sig.cause === c), mask.keepNumbers, known)) })),
        names: nameTexts(doc, own).map((text) => ids(nameTerms(text, mask.keepNumbers, known))),
      };
    }),
    labels: Object.fromEntries(
      graph.entries.flatMap((e) => [
        [`area:${e.area}`, getArea(graph, e.area)?.label ?? e.area],
        [`system:${e.system}`, getSystem(graph, e.system)?.label ?? e.system],
      ]),
    ),
    keepNumbers,
    vocabulary: packVocabulary(sorted.map(([term]) => term)),
    postings: sorted.map(([, list]) => packPostings(list)),
    signatures,
    spelling: spellingWords(docs, signatures),
    neighbours: graph.neighbours.map((n) => ({
      id: n.id,
      title: n.title,
      hint: n.hint,
      signatures: n.signatures,
    })),
    ...confidenceOf(docs, model),
  };
}

/**
 * The model as the index carries it: the weights as they are, the reliability table as one value
 * per document (two decimals are plenty against the other features), so the browser needs no ids,
 * and the wording table as each word's odds to one decimal (the feature is a mean of many).
 */
export function confidenceOf(docs: readonly { readonly id: string }[], model: StoredConfidenceModel): Pick<SearchIndexData, "confidence" | "reliability" | "wording"> {
  const { reliability, wording, ...confidence } = model;
  return {
    confidence,
    reliability: docs.map((doc) => Math.round(reliabilityOf(reliability, doc.id) * 100) / 100),
    wording: Object.fromEntries(Object.entries(wording.words).map(([word, counts]) => [word, Math.round(wordOdds(wording, counts) * 10) / 10])),
  };
}

const FIELD_NAMES: readonly FieldName[] = ["title", "aliases", "signatures", "tags", "summary", "causes", "checks", "fixes", "body"];

type Fields<T> = Record<FieldName, T>;

function emptyFields(): Fields<string> {
  return { title: "", aliases: "", signatures: "", tags: "", summary: "", causes: "", checks: "", fixes: "", body: "" };
}

function mapFields<A, B>(fields: Fields<A>, fn: (value: A, name: FieldName) => B): Fields<B> {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, fn(fields[name], name)])) as Fields<B>;
}

/** Which text of an entry goes into which weighted field. */
function fieldsOf(entry: Entry): Fields<string> {
  const join = (parts: readonly (string | null | undefined)[]) => parts.filter(Boolean).join("\n");
  const common = { title: entry.title, aliases: entry.aliases.join("\n"), tags: entry.tags.join("\n"), summary: entry.summary };
  switch (entry.kind) {
    case "problem":
      return {
        ...common,
        signatures: join([...entry.signatures, ...entry.causes.flatMap((c) => c.signatures)]),
        causes: join(entry.causes.map((c) => c.title)),
        checks: join(entry.causes.flatMap((c) => [c.check.question, c.check.details?.text])),
        fixes: join(entry.causes.map((c) => c.fix.text)),
        body: join([entry.intro?.text, entry.notes?.text, ...entry.causes.map((c) => c.description?.text)]),
      };
    case "question":
      return {
        ...common,
        signatures: join(entry.signatures),
        causes: entry.shortAnswer,
        checks: "",
        fixes: entry.answer.text,
        body: join([entry.intro?.text, entry.notes?.text]),
      };
    case "guide":
      return {
        ...common,
        signatures: join(entry.signatures),
        causes: join(entry.steps.map((s) => s.title)),
        checks: join(entry.steps.flatMap((s) => s.checklist.map((c) => c.text))),
        fixes: join(entry.steps.map((s) => s.body.text)),
        body: entry.intro?.text ?? "",
      };
  }
}

/**
 * The index as the browser's search palette loads it: without what only the server's pages show
 * (the summary sentences quoted as snippets, the neighbours' hints), which would take a twelfth
 * of the download, nor the stored term sets of names and causes and the spelling words, which
 * the browser derives on first use (entry-terms.ts). Ranking, confidence and the neighbours' recognition are the same.
 */
export function forBrowser({ spelling: _spelling, ...data }: SearchIndexData): SearchIndexData {
  return {
    ...data,
    docs: data.docs.map(({ names: _names, ...doc }) => ({ ...doc, summary: [], causes: doc.causes.map(({ terms: _terms, ...cause }) => cause) })),
    neighbours: data.neighbours.map((n) => ({ ...n, hint: "" })),
  };
}

/**
 * An entry's terms for one field. Signatures and aliases also carry the error families they
 * belong to, line by line, so a query in another stack's words for the same failure meets them.
 */
function indexTerms(text: string, field: FieldName, mask: { keepNumbers: Set<string>; bigrams: boolean }): string[] {
  const folded = fold(text);
  const families = field === "signatures" || field === "aliases" ? folded.split("\n").flatMap((line) => familyTerms(detectFamilies(line))) : [];
  return [...termList(folded, mask), ...conceptTerms(folded), ...families];
}


/** Every number of two or more digits the knowledge base mentions: these stay literal in queries. */
function corpusNumbers(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const raw of texts) {
    const text = fold(raw);
    for (const match of text.matchAll(/(?<![\w.])\d+(?:\.\d+)*(?![\w.])/g)) if (match[0].length > 1) found.add(match[0]);
  }
  return [...found].sort();
}

/**
 * A signature that masking reduces to almost nothing (`https://photogooo` becomes
 * `https://<host>`) would match every line of its kind; it stays searchable as words only.
 */
function informative(norm: string): boolean {
  return norm.replace(/<[a-z]+>|[a-z]+:\/\/|[\s\p{P}\p{S}]/gu, "").length >= 3;
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
