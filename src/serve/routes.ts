import { FEEDBACK_CONFIG } from "@/feedback/config";
import { MAX_REQUEST_BYTES } from "@/search/request";
import { EVENTS_API, FEEDBACK_API, FEEDBACK_PAGE, INSIGHTS_PAGE } from "@/urls";
import { CSP_REPORT_PATH } from "./csp";

/**
 * Which routes exist as far as serving is concerned, in one table: what the front may keep in
 * its cache, how big a request body each may receive, and the canonical form of a request's path.
 *
 * The cache is an allow-list: a route is listed as cacheable only if its answer to a GET without a
 * query string is a function of the path alone (the bundled content never changes while the
 * process runs). Anything that reads a query, a cookie or a header stays out, and so does every
 * answer that says `no-store` or `private` (cache-policy.ts).
 */
export type RouteKind = "page" | "api" | "static";

export interface Route {
  readonly name: string;
  readonly kind: RouteKind;
  readonly cacheable: boolean;
  /** The largest request body accepted, in bytes. */
  readonly maxBody: number;
}

const PAGE_BODY = 1024 * 1024; // Next.js's own limit for a server action
const API_BODY = 64 * 1024;

const route = (name: string, kind: RouteKind, cacheable: boolean, maxBody = kind === "api" ? API_BODY : PAGE_BODY): Route => ({ name, kind, cacheable, maxBody });

export const ROUTES = {
  home: route("home", "page", true),
  entry: route("entry", "page", true),
  area: route("area", "page", true),
  system: route("system", "page", true),
  wizard: route("wizard", "page", true),
  search: route("search", "page", true),
  searchApi: route("search API", "api", false, MAX_REQUEST_BYTES + 1024),
  cspReport: route("CSP reports", "api", false, 16 * 1024),
  feedbackApi: route("feedback API", "api", false, FEEDBACK_CONFIG.maxFeedbackBytes),
  eventsApi: route("events API", "api", false, FEEDBACK_CONFIG.maxEventBytes),
  // What a vote without JavaScript lands on, and the maintainers' page behind a token: both read
  // the query or a cookie, so they are never kept, and they get a nonce (nothing is prerendered).
  feedback: route("feedback page", "page", false, 4 * 1024),
  insights: route("insights", "page", false, 4 * 1024),
  api: route("API", "api", false),
  asset: route("build asset", "static", true),
  file: route("public file", "static", true),
  other: route("other", "page", false),
} as const;

const ONE_SEGMENT_PAGES: Readonly<Record<string, Route>> = { entry: ROUTES.entry, area: ROUTES.area, system: ROUTES.system };
const APIS: ReadonlyMap<string, Route> = new Map([
  ["/api/search", ROUTES.searchApi],
  [CSP_REPORT_PATH, ROUTES.cspReport],
  [FEEDBACK_API, ROUTES.feedbackApi],
  [EVENTS_API, ROUTES.eventsApi],
]);
const FILES = new Set(["theme.js", "icon.svg", "robots.txt", "sitemap.xml", "search-index.json"]);
/** Longer paths are served but not kept: no real page has one, and keys count against the cache. */
export const MAX_CACHE_KEY_BYTES = 2048;

function routeOf(segments: readonly string[]): Route {
  const [first, second, ...rest] = segments;
  if (first === undefined) return ROUTES.home;
  if (first === "api") return APIS.get(`/${segments.join("/")}`) ?? ROUTES.api;
  if (first === "_next") return second === "static" && rest.length > 0 ? ROUTES.asset : ROUTES.other;
  if (first === "wizard") return ROUTES.wizard;
  if (first === "search" && second === undefined) return ROUTES.search;
  if (`/${first}` === FEEDBACK_PAGE && second === undefined) return ROUTES.feedback;
  // The page, its login and its logout.
  if (`/${first}` === INSIGHTS_PAGE && rest.length === 0) return ROUTES.insights;
  const page = ONE_SEGMENT_PAGES[first];
  if (page) return second !== undefined && rest.length === 0 ? page : ROUTES.other;
  return second === undefined && FILES.has(first) ? ROUTES.file : ROUTES.other;
}

export type Target =
  | {
      readonly ok: true;
      readonly route: Route;
      /**
       * The decoded path, or null when it has no single canonical form (an encoded `/`, a `..`
       * segment, an empty segment, a trailing slash, a control character): such a request goes to
       * Next.js as it came, and is never cached.
       */
      readonly path: string | null;
      /** The raw query string with its `?`, or "". */
      readonly query: string;
    }
  | { readonly ok: false; readonly reason: "odd-target" | "malformed" };

/** Reads a request target (`req.url`, or a URL's path and query). */
export function classify(target: string): Target {
  if (!target.startsWith("/") || target.startsWith("//")) return { ok: false, reason: "odd-target" };
  const at = target.search(/[?#]/);
  const rawPath = at < 0 ? target : target.slice(0, at);
  const query = at < 0 ? "" : target.slice(at).replace(/#.*$/, "");
  const segments: string[] = [];
  let canonical = true;
  const raw = rawPath.split("/").slice(1);
  for (const [index, part] of raw.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { ok: false, reason: "malformed" };
    }
    // "/" itself is one empty segment after the leading slash; any other empty segment is a "//" or a trailing "/".
    if (segment === "" && !(raw.length === 1 && index === 0)) canonical = false;
    if (segment === "." || segment === ".." || /[/\\\u0000-\u001f\u007f]/.test(segment)) canonical = false;
    if (segment !== "") segments.push(segment);
  }
  return { ok: true, route: routeOf(segments), path: canonical ? `/${segments.join("/")}` : null, query };
}

/** The canonical path as a request target again, for asking Next.js for the page a key stands for. */
export function pathTarget(path: string): string {
  return path === "/" ? "/" : path.split("/").map(encodeURIComponent).join("/");
}
