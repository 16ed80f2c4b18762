import { getKnowledgeGraph } from "@/content";

export const dynamic = "force-dynamic";

/** `GET /api/health`: for a Docker HEALTHCHECK or a load balancer. */
export async function GET() {
  try {
    const graph = await getKnowledgeGraph();
    const count = (kind: string) => graph.entries.filter((e) => e.kind === kind).length;
    return Response.json(
      {
        status: "ok",
        contentVersion: graph.version,
        entries: { total: graph.entries.length, problem: count("problem"), question: count("question"), guide: count("guide") },
        flows: graph.flows.length,
        uptimeSeconds: Math.round(process.uptime()),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "error", message: "content could not be loaded" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
