import type { NextRequest } from "next/server";
import { getKnowledgeGraph } from "@/content";
import { FEEDBACK_CONFIG } from "@/feedback/config";
import { fromOtherSite, identifyClient, jsonError, NO_STORE, readBody } from "@/feedback/http";
import { checkVote } from "@/feedback/records";
import { feedback, isSecure } from "@/feedback/server";
import { feedbackPageUrl } from "@/urls";

export const dynamic = "force-dynamic";

/**
 * `POST /api/feedback` with `{"entry": id, "cause"?: id, "helpful": bool, "reason"?: string}`:
 * 202 once queued. The vote form on entry pages posts here without JavaScript too; a form post is
 * answered with a redirect to /feedback, which thanks the reader or says what went wrong.
 */
export async function POST(request: NextRequest) {
  if (fromOtherSite(request)) return jsonError(403, "cross_site", "只接受来自本站页面的反馈");
  const body = await readBody(request, FEEDBACK_CONFIG.maxFeedbackBytes);
  if (!body.ok) return body.response;
  const service = feedback();
  const client = identifyClient(request, service.sessions(), isSecure(request));
  const vote = checkVote(body.value, await getKnowledgeGraph(), client.session);
  const cookie: Record<string, string> = client.setCookie ? { "Set-Cookie": client.setCookie } : {};
  const target = body.value as { entry?: unknown; cause?: unknown; helpful?: unknown; reason?: unknown };
  const back = (result: string) =>
    new Response(null, {
      status: 303,
      headers: {
        ...NO_STORE,
        ...cookie,
        Location: feedbackPageUrl({
          entry: typeof target.entry === "string" ? target.entry : undefined,
          cause: typeof target.cause === "string" ? target.cause : undefined,
          helpful: typeof target.helpful === "boolean" ? target.helpful : undefined,
          noted: typeof target.reason === "string" && target.reason.trim() !== "",
          result,
        }),
      },
    });

  if (!vote.ok) return body.form ? back("invalid") : jsonError(400, vote.code, vote.message);
  const offered = service.offer({ table: "votes", row: vote.value }, client.key);
  if (!offered.ok) return body.form ? back(offered.code) : jsonError(offered.status, offered.code, offered.message, offered.status === 503 ? { "Retry-After": "30" } : { "Retry-After": "60" });
  if (body.form) return back("ok");
  return Response.json({ status: "accepted" }, { status: 202, headers: { ...NO_STORE, ...cookie } });
}
