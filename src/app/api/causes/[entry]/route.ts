import { getKnowledgeGraph } from "@/content";
import { causeRanking } from "@/feedback/cause-order";
import { jsonError } from "@/feedback/http";
import { evidenceText } from "@/feedback/rerank";

export const dynamic = "force-dynamic";

/**
 * `GET /api/causes/<entry>`: the order a problem's causes are asked in and, for causes with
 * enough evidence, what share of people each one fixed. The article is prerendered and kept by
 * the page cache, so its script asks for this instead; the wizard renders it on the server.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ entry: string }> }) {
  const { entry: id } = await params;
  const entry = (await getKnowledgeGraph()).byId.get(id);
  if (!entry || entry.kind !== "problem") return jsonError(404, "unknown_entry", `没有 id 为 ${JSON.stringify(id)} 的问题条目`);
  const ranking = causeRanking(entry);
  return Response.json(
    {
      order: ranking.order,
      reordered: ranking.reordered,
      causes: ranking.causes.map((c) => ({ id: c.id, ...(c.shown ? { share: c.shown.share, count: c.shown.count, text: evidenceText(c.shown) } : {}) })),
    },
    // The order changes at most once a day.
    { headers: { "Cache-Control": "public, max-age=600" } },
  );
}
