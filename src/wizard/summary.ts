import { entryUrl } from "@/urls";
import type { KnowledgeGraph } from "@/content/graph";
import { getSystem } from "@/content/graph";
import { causeKey, questionOf, type Walk } from "./engine";
import type { Summary, SummaryLink } from "./summary-format";

/**
 * What a user takes to support when the wizard ends unsolved: every question with their answer
 * (and the log line that answered it), each cause of the problems looked at with what became of
 * it, the entries involved and their relatives, and the commands that collect diagnostics for the
 * systems on the path. Every link is absolute, so the text works pasted anywhere.
 */
export function summarize(graph: KnowledgeGraph, walk: Pick<Walk, "trail" | "statuses" | "visited">, url: string, absolute: (path: string) => string): Summary {
  const link = (id: string, cause?: string): SummaryLink => {
    const entry = graph.byId.get(id);
    const title = cause && entry?.kind === "problem" ? (entry.causes.find((c) => c.id === cause)?.title ?? cause) : (entry?.title ?? id);
    return { title, url: absolute(entryUrl(id, cause)) };
  };
  // Steps that only led on (to search, to support) say nothing about the problem.
  const told = walk.trail.filter(({ position: p }) => p.kind !== "unsolved" && !(p.kind === "choice" && p.node.kind === "none"));
  const answers = told.map((item) => ({
    question: questionOf(item.position),
    answer: item.answer.label,
    fromLog: item.fromLog ? `日志第 ${item.fromLog.line} 行：${item.fromLog.text}` : null,
  }));
  const entries = walk.visited.map((id) => link(id));
  const causes = walk.visited.flatMap((id) => {
    const entry = graph.byId.get(id);
    if (entry?.kind !== "problem") return [];
    return entry.causes.map((cause) => ({ ...link(id, cause.id), problem: id, verdict: walk.statuses.get(causeKey(id, cause.id))?.state ?? ("open" as const) }));
  });
  const related = [...new Set(walk.visited.flatMap((id) => graph.byId.get(id)?.related ?? []))].filter((id) => !walk.visited.includes(id) && graph.byId.has(id)).map((id) => link(id));
  const systems = [...new Set(walk.visited.map((id) => graph.byId.get(id)?.system).filter((s): s is string => Boolean(s)))];
  if (systems.length === 0) systems.push("general");
  const diagnostics = systems.flatMap((slug) => getSystem(graph, slug)?.diagnostics ?? []);
  return { url, entries, answers, causes, related, diagnostics };
}
