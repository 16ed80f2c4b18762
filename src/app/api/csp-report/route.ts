import type { NextRequest } from "next/server";
import { createLogLimit, parseCspReports } from "@/serve/csp-report";
import { ROUTES } from "@/serve/routes";
import { readCappedBody } from "@/serve/read-body";

export const dynamic = "force-dynamic";

const limit = createLogLimit(30);

/**
 * `POST /api/csp-report`: where browsers send Content-Security-Policy violations (`report-uri` and
 * `report-to`). Each is logged as one line of JSON, at most 30 a minute; the answer is always 204.
 */
export async function POST(request: NextRequest) {
  const body = await readCappedBody(request, ROUTES.cspReport.maxBody);
  for (const violation of body === null ? [] : parseCspReports(body)) {
    const allowed = limit.take();
    if (!allowed.ok) continue;
    console.warn(`csp-violation ${JSON.stringify(allowed.dropped > 0 ? { ...violation, droppedBefore: allowed.dropped } : violation)}`);
  }
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
