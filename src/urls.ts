/**
 * Every product URL is built and parsed here, and nowhere else: entries and their cause anchors,
 * wizard states, search, areas and systems. Pages, the search index, the wizard, content links
 * and the export all go through these functions, so a change of URL scheme is one edit.
 */

/** The `id` of a cause's section on its entry page (and the fragment that links to it). */
export function causeAnchor(cause: string): string {
  return `cause-${cause}`;
}

/** The `id` of a guide step's section on its entry page. */
export function stepAnchor(step: string): string {
  return `step-${step}`;
}

export function entryUrl(id: string, cause?: string | null): string {
  return `/entry/${encodeURIComponent(id)}${cause ? `#${causeAnchor(cause)}` : ""}`;
}

export interface EntryRef {
  readonly id: string;
  readonly cause: string | null;
}

const ENTRY_URL = /^\/entry\/([^/#?\s]+)\/?(?:#cause-([^#\s]+))?$/;

/** `/entry/<id>` or `/entry/<id>#cause-<cause>` as written in content links; null for anything else. */
export function parseEntryUrl(url: string): EntryRef | null {
  const match = ENTRY_URL.exec(url);
  if (!match?.[1]) return null;
  return { id: decodeOrKeep(match[1]), cause: match[2] ?? null };
}

export const areaUrl = (slug: string): string => `/area/${encodeURIComponent(slug)}`;
export const systemUrl = (slug: string): string => `/system/${encodeURIComponent(slug)}`;
/** The listing page of an area or a system: the two taxonomies share one page shape. */
export const taxonomyUrl = (by: "area" | "system", slug: string): string => (by === "area" ? areaUrl(slug) : systemUrl(slug));

/** The serialised search index the browser's palette loads on first use. */
export const SEARCH_INDEX_URL = "/search-index.json";

export interface SearchParams {
  readonly q?: string;
  /** The paste box for a whole log instead of the one-line search field. */
  readonly mode?: "log";
  /** Filters: only results of this area, system or kind (src/search/facets.ts). */
  readonly area?: string;
  readonly system?: string;
  readonly kind?: string;
}

export const SEARCH_PATH = "/search";

export function searchUrl(params: SearchParams = {}): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.mode) query.set("mode", params.mode);
  for (const facet of ["area", "system", "kind"] as const) if (params[facet]) query.set(facet, params[facet]);
  const text = query.toString();
  return text ? `${SEARCH_PATH}?${text}` : SEARCH_PATH;
}

/**
 * Where a wizard starts: a flow or a problem by id, or one cause of a problem (`<entry>~<cause>`).
 * The same string is a segment of wizard URLs and the key of an option that leads there.
 */
export function wizardKey(entry: string, cause?: string | null): string {
  return cause ? `${entry}~${cause}` : entry;
}

export function parseWizardKey(key: string): EntryRef {
  const at = key.indexOf("~");
  return at < 0 ? { id: key, cause: null } : { id: key.slice(0, at), cause: key.slice(at + 1) };
}

/** A line of a pasted log that already answers a cause's check ("日志第 3 行：…"). */
export interface LogEvidence {
  readonly cause: string;
  readonly line: number;
  readonly text: string;
}

/** A wizard's position: where it started, the key of every answer given since, and the log lines it started from. */
export interface WizardLocation {
  readonly start: string;
  readonly answers: readonly string[];
  readonly evidence?: readonly LogEvidence[];
}

export const WIZARD_HOME = "/wizard";
export const TRIAGE_START = "triage";

const SEGMENT = /^[a-z0-9][a-z0-9._~-]{0,127}$/;
const MAX_ANSWERS = 200;
const EVIDENCE_PARAM = "e";
const WAS_PARAM = "was";
const EVIDENCE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([1-9][0-9]{0,5})\.([^\r\n]{1,400})$/;
const MAX_EVIDENCE_PARAMS = 5;

/**
 * `/wizard/<start>/<answer>/<answer>…`: the state is in the path, so every step is a plain link;
 * log evidence rides along as `e=<cause>.<line>.<text>`. `was` marks the answer given before, when
 * a link goes back to a step ("上一步", "改这个答案").
 */
export function wizardUrl(location: WizardLocation, options: { readonly was?: string } = {}): string {
  const path = [WIZARD_HOME, encodeURIComponent(location.start), ...location.answers.map(encodeURIComponent)].join("/");
  const query = new URLSearchParams();
  for (const e of location.evidence ?? []) query.append(EVIDENCE_PARAM, `${e.cause}.${e.line}.${e.text}`);
  if (options.was) query.set(WAS_PARAM, options.was);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

type QueryValue = string | readonly string[] | undefined;
const all = (value: QueryValue): readonly string[] => (value === undefined ? [] : typeof value === "string" ? [value] : value);

/** The query of a wizard URL: evidence that does not parse is dropped, never an error. */
export function parseWizardQuery(query: Readonly<Record<string, QueryValue>>): { evidence: LogEvidence[]; was: string | null } {
  const evidence: LogEvidence[] = [];
  for (const raw of all(query[EVIDENCE_PARAM]).slice(0, MAX_EVIDENCE_PARAMS)) {
    const match = EVIDENCE.exec(raw);
    if (match?.[1] && match[2] && match[3]) evidence.push({ cause: match[1], line: Number(match[2]), text: match[3] });
  }
  const was = all(query[WAS_PARAM])[0];
  return { evidence, was: was !== undefined && SEGMENT.test(was) ? was : null };
}

/**
 * The path segments after `/wizard` back to a location. Never throws: a segment that is not a
 * plausible key makes the location invalid (null), which the page shows as "this step no longer exists".
 */
export function parseWizardPath(segments: readonly string[] | undefined): WizardLocation | null {
  if (!segments || segments.length === 0) return { start: TRIAGE_START, answers: [] };
  if (segments.length > MAX_ANSWERS + 1) return null;
  const decoded: string[] = [];
  for (const raw of segments) {
    const segment = safeDecode(raw);
    if (segment === null || !SEGMENT.test(segment)) return null;
    decoded.push(segment);
  }
  const [start, ...answers] = decoded;
  return start ? { start, answers } : null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A malformed escape in a content link is the author's typo, reported later as an unknown entry. */
function decodeOrKeep(value: string): string {
  return safeDecode(value) ?? value;
}

/**
 * Where an entry's "编辑此页" link leads: `pattern` (CONTENT_EDIT_URL) with `{path}` replaced by the
 * file's path inside the content tree and `{file}` by its absolute path, each segment escaped.
 */
export function contentEditUrl(pattern: string, source: { readonly path: string; readonly file: string }): string {
  const escape = (p: string) => p.split("/").map(encodeURIComponent).join("/");
  return pattern.replaceAll("{path}", escape(source.path)).replaceAll("{file}", escape(source.file).replace(/^\/?/, ""));
}

/** The edit pattern `npm run dev` uses when CONTENT_EDIT_URL is not set: open the file in VS Code. */
export const DEV_EDIT_PATTERN = "vscode://file/{file}";

/*
 * Learning from use (src/feedback): where votes and events are sent, and the pages that answer a
 * vote sent without JavaScript and show the maintainers what was recorded.
 */
export const FEEDBACK_API = "/api/feedback";
export const EVENTS_API = "/api/events";
export const INSIGHTS_API = "/api/insights";
export const FEEDBACK_PAGE = "/feedback";
export const INSIGHTS_PAGE = "/insights";
export const INSIGHTS_LOGIN = "/insights/login";
export const INSIGHTS_LOGOUT = "/insights/logout";

/** The learned order of an entry's causes, which an article's script reads. */
export const causeOrderApiUrl = (entry: string): string => `/api/causes/${encodeURIComponent(entry)}`;

/** Where a vote sent without JavaScript lands: thanks, or what went wrong. */
export function feedbackPageUrl(params: {
  entry?: string | undefined;
  cause?: string | undefined;
  helpful?: boolean | undefined;
  /** The vote carried a reason. */
  noted?: boolean | undefined;
  result: string;
}): string {
  const query = new URLSearchParams();
  if (params.entry) query.set("entry", params.entry);
  if (params.cause) query.set("cause", params.cause);
  if (params.helpful !== undefined) query.set("helpful", params.helpful ? "yes" : "no");
  if (params.noted) query.set("noted", "1");
  query.set("result", params.result);
  return `${FEEDBACK_PAGE}?${query.toString()}`;
}

export interface InsightsParams {
  /** A failed-search template chosen for "make this findable". */
  readonly template?: string;
  /** The entry picked to answer it, and the signature to add. */
  readonly entry?: string;
  readonly signature?: string;
}

export function insightsUrl(params: InsightsParams = {}, fragment?: string): string {
  const query = new URLSearchParams();
  if (params.template) query.set("template", params.template);
  if (params.entry) query.set("entry", params.entry);
  if (params.signature) query.set("signature", params.signature);
  const text = query.toString();
  return `${INSIGHTS_PAGE}${text ? `?${text}` : ""}${fragment ? `#${fragment}` : ""}`;
}
