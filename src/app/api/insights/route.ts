import type { NextRequest } from "next/server";
import { insightsCsv } from "@/feedback/export";
import { jsonError, NO_STORE } from "@/feedback/http";
import { insightsAccess, loadInsights } from "@/feedback/insights-server";

export const dynamic = "force-dynamic";

/**
 * `GET /api/insights` (`?format=csv` for CSV): the insights report, for whoever presents
 * ADMIN_TOKEN as `Authorization: Bearer …` or holds the login cookie. 404 when ADMIN_TOKEN is not
 * set, 401 without the token, 503 when the database cannot answer.
 */
export async function GET(request: NextRequest) {
  const access = insightsAccess(request.headers);
  if (access === "disabled") return jsonError(404, "not_found", "未启用（没有设置 ADMIN_TOKEN）");
  if (access === "denied") return jsonError(401, "unauthorized", "需要管理令牌：Authorization: Bearer <ADMIN_TOKEN>", { "WWW-Authenticate": 'Bearer realm="insights"' });
  const result = await loadInsights();
  if (!result.ok) return jsonError(503, "storage_unavailable", result.reason, { "Retry-After": "30" });
  const headers = { ...NO_STORE, Vary: "Authorization, Cookie" };
  if (request.nextUrl.searchParams.get("format") === "csv") {
    return new Response(insightsCsv(result.report), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="insights.csv"' },
    });
  }
  return Response.json(result.report, { headers });
}
