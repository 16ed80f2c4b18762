import type { NextRequest } from "next/server";
import { getKnowledgeGraph } from "@/content";
import { FEEDBACK_CONFIG } from "@/feedback/config";
import { fromOtherSite, identifyClient, jsonError, NO_STORE, readBody } from "@/feedback/http";
import { checkEvent, UNKNOWN_STEP } from "@/feedback/records";
import { feedback, isSecure } from "@/feedback/server";
import { wizardWalkAt } from "@/feedback/wizard-positions";
import { getWizardGraph } from "@/wizard/server";

export const dynamic = "force-dynamic";

/**
 * `POST /api/events`: how a wizard walk ended, or which result of a recorded search was opened
 * (shapes in the README). 202 once queued. The wizard's last answer is a form that posts here,
 * so that the ending is recorded without JavaScript; a form post is always sent on to the step
 * it names, whether or not the record could be kept: a full database never stops a walk.
 */
export async function POST(request: NextRequest) {
  if (fromOtherSite(request)) return jsonError(403, "cross_site", "只接受来自本站页面的事件");
  const body = await readBody(request, FEEDBACK_CONFIG.maxEventBytes);
  if (!body.ok) return body.response;
  const service = feedback();
  const client = identifyClient(request, service.sessions(), isSecure(request));
  const cookie: Record<string, string> = client.setCookie ? { "Set-Cookie": client.setCookie } : {};
  const wizards = await getWizardGraph();
  const event = checkEvent(body.value, await getKnowledgeGraph(), wizards, client.session);

  if (body.form) {
    const path = (body.value as { path?: unknown }).path;
    const walk = typeof path === "string" ? wizardWalkAt(path, wizards) : null;
    if (!walk) return jsonError(400, "unknown_wizard_step", UNKNOWN_STEP);
    if (event.ok) service.offer(event.value, client.key);
    return new Response(null, { status: 303, headers: { ...NO_STORE, ...cookie, Location: walk.url } });
  }
  if (!event.ok) return jsonError(400, event.code, event.message);
  const offered = service.offer(event.value, client.key);
  if (!offered.ok) return jsonError(offered.status, offered.code, offered.message, { "Retry-After": offered.status === 503 ? "30" : "60" });
  return Response.json({ status: "accepted" }, { status: 202, headers: { ...NO_STORE, ...cookie } });
}
