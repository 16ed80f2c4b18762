import { getKnowledgeGraph } from "@/content";
import { feedback } from "@/feedback/server";

export const dynamic = "force-dynamic";

/**
 * `GET /api/health`: for a Docker HEALTHCHECK or a load balancer. Content is what the site
 * serves, so without it the answer is 503. The feedback database is not needed for reading: when
 * it is down or slow the site still answers 200, with status "degraded" and the reason.
 * `?ready=feedback` answers 503 until the feedback database is open (for whatever waits for the
 * whole server to be up: a deploy script, the end-to-end tests).
 */
export async function GET(request: Request) {
  const headers = { "Cache-Control": "no-store" };
  try {
    const graph = await getKnowledgeGraph();
    const count = (kind: string) => graph.entries.filter((e) => e.kind === kind).length;
    const service = feedback();
    const storage = service.state();
    const queue = service.stats();
    const degraded = storage.status === "down" || storage.status === "slow";
    const waiting = new URL(request.url).searchParams.get("ready") === "feedback" && storage.status !== "ok";
    return Response.json(
      {
        status: degraded ? "degraded" : "ok",
        ...(degraded ? { reason: `feedback database ${storage.status}: ${storage.reason}` } : {}),
        contentVersion: graph.version,
        entries: { total: graph.entries.length, problem: count("problem"), question: count("question"), guide: count("guide") },
        flows: graph.flows.length,
        feedback: { status: storage.status, driver: service.storage()?.kind ?? null, accepted: queue.accepted, stored: queue.stored, queued: queue.waiting },
        uptimeSeconds: Math.round(process.uptime()),
      },
      { status: waiting ? 503 : 200, headers },
    );
  } catch {
    return Response.json({ status: "error", message: "content could not be loaded" }, { status: 503, headers });
  }
}
