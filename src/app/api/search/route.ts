import type { NextRequest } from "next/server";
import { SearchUnavailableError } from "@/search/pool";
import { toPublicResponse } from "@/search/public";
import { knownValues } from "@/search/facets";
import { prepareQuery } from "@/search/query";
import { MAX_REQUEST_BYTES, parseSearchFilter, parseSearchRequest, SearchBodySchema } from "@/search/request";
import { getSearchIndex, searchPrepared } from "@/search/server";
import { readCappedBody } from "@/serve/read-body";

const NO_STORE = { "Cache-Control": "no-store" };

function error(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status, headers: NO_STORE });
}

type FilterParams = Parameters<typeof parseSearchFilter>[0];

async function answer(query: string | null, limit: string | number | null, filterParams: FilterParams = {}) {
  const request = parseSearchRequest(query, limit);
  if (!request.ok) return error(request.status, request.code, request.message);
  const { filter, ignored } = parseSearchFilter(filterParams, knownValues((await getSearchIndex()).docs));
  if (ignored.length > 0) return error(400, "invalid_filter", `筛选条件 ${ignored.join("、")} 的值不存在`);
  try {
    const response = await searchPrepared(prepareQuery(request.query), { limit: request.limit, filter });
    return Response.json(toPublicResponse(response), { headers: NO_STORE });
  } catch (failure) {
    if (!(failure instanceof SearchUnavailableError)) throw failure;
    return Response.json(
      { error: { code: "search_unavailable", message: "搜索暂时繁忙，请稍后重试" } },
      { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } },
    );
  }
}

/** `GET /api/search?q=…&limit=…&area=…&system=…&kind=…` */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return answer(params.get("q"), params.get("limit"), { area: params.getAll("area"), system: params.getAll("system"), kind: params.getAll("kind") });
}

/** `POST /api/search` with `{"q": "…", "limit": 10}`, or the query as a text/plain body: for long logs. */
export async function POST(request: NextRequest) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_REQUEST_BYTES + 1024) return error(413, "query_too_large", `请求体超过 ${MAX_REQUEST_BYTES / 1024} KB`);
  const body = await readCappedBody(request, MAX_REQUEST_BYTES + 1024);
  if (body === null) return error(413, "query_too_large", `请求体超过 ${MAX_REQUEST_BYTES / 1024} KB`);
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) return answer(body, request.nextUrl.searchParams.get("limit"));
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return error(400, "invalid_json", "请求体不是合法的 JSON");
  }
  const parsed = SearchBodySchema.safeParse(json);
  if (!parsed.success) return error(400, "invalid_body", "请求体应为 {\"q\": \"…\", \"limit\": 10}");
  const { area, system, kind } = parsed.data;
  return answer(parsed.data.q ?? null, parsed.data.limit ?? null, { area, system, kind });
}
