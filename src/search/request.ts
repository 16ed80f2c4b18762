import { z } from "zod";
import type { EntryKind } from "@/content/schema";
import { SEARCH_CONFIG } from "./config";
import { FACET_NAMES, type SearchFilter } from "./facets";

/**
 * What an HTTP search request may carry, checked before any search work: a query (required,
 * at most `MAX_REQUEST_BYTES`; longer than `maxQueryBytes` is searched by its end) and a limit.
 */
export const MAX_REQUEST_BYTES = 256 * 1024;

export type SearchRequest = { ok: true; query: string; limit: number | undefined } | { ok: false; status: 400 | 413; code: string; message: string };

export function parseSearchRequest(query: string | null | undefined, limit: string | number | null | undefined): SearchRequest {
  if (query === null || query === undefined || query.trim() === "") {
    return { ok: false, status: 400, code: "missing_query", message: "缺少搜索内容：请用参数 q 传入报错或问题" };
  }
  if (new TextEncoder().encode(query).byteLength > MAX_REQUEST_BYTES) {
    return { ok: false, status: 413, code: "query_too_large", message: `搜索内容超过 ${MAX_REQUEST_BYTES / 1024} KB，请只粘贴报错附近的日志` };
  }
  if (limit === null || limit === undefined || limit === "") return { ok: true, query, limit: undefined };
  const parsed = typeof limit === "number" ? limit : Number(limit);
  if (!Number.isFinite(parsed)) {
    return { ok: false, status: 400, code: "invalid_limit", message: `limit 必须是 1 到 ${SEARCH_CONFIG.maxLimit} 之间的数字` };
  }
  return { ok: true, query, limit: parsed };
}

/** The JSON body of `POST /api/search`. */
export const SearchBodySchema = z.object({
  q: z.string().optional(),
  limit: z.union([z.number(), z.string()]).optional(),
  area: z.string().optional(),
  system: z.string().optional(),
  kind: z.string().optional(),
});

/**
 * The filters of a search URL or API call, each checked against the values the index knows; an
 * unknown or repeated value is dropped and named in `ignored`, so the page can say so.
 */
export function parseSearchFilter(
  params: Readonly<Record<string, string | readonly string[] | null | undefined>>,
  known: Readonly<Record<(typeof FACET_NAMES)[number], ReadonlySet<string>>>,
): { filter: SearchFilter; ignored: string[] } {
  const filter: { area?: string; system?: string; kind?: EntryKind } = {};
  const ignored: string[] = [];
  for (const name of FACET_NAMES) {
    const raw = params[name];
    if (raw === null || raw === undefined || raw.length === 0) continue;
    const value = typeof raw === "string" ? raw : raw.length === 1 ? raw[0] : undefined;
    if (value === undefined || !known[name].has(value)) {
      ignored.push(name);
      continue;
    }
    if (name === "kind") filter.kind = value as EntryKind;
    else filter[name] = value;
  }
  return { filter, ignored };
}
