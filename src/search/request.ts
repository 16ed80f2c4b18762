import { z } from "zod";
import { SEARCH_CONFIG } from "./config";

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
});
