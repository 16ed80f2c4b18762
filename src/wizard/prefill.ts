import type { Walk } from "./engine";

const MAX_PREFILL = 120;

/**
 * What the user has told the wizard, as a search query for "都不是": the entries they opened and
 * the answers they picked in authored flows (those describe their situation; 是 / 否 do not),
 * else the area or system they chose.
 */
export function searchPrefill(walk: Pick<Walk, "trail" | "position" | "scope">): string {
  const said: string[] = [];
  for (const position of [...walk.trail.map((t) => t.position), walk.position]) {
    const title = position.kind === "article" ? position.entry.title : "problem" in position ? position.problem.title : null;
    if (title && !said.includes(title)) said.push(title);
  }
  for (const item of walk.trail) {
    if (item.position.kind === "choice" && item.position.node.kind === "flow" && !said.includes(item.answer.label)) said.push(item.answer.label);
  }
  const text = said.length > 0 ? said.slice(0, 3).join(" ") : (walk.scope?.label ?? "");
  return text.length > MAX_PREFILL ? text.slice(0, MAX_PREFILL) : text;
}
