import { causeKey, type CauseState, type TrailItem, type Walk } from "./engine";
import type { ChoiceNode, Go, WizardGraph } from "./model";

/**
 * Layout of an authored flow as a layered graph, for a server-rendered SVG: each step sits in the
 * layer of its longest distance from the first step, in order of discovery; where an option leaves
 * the flow (a problem, one of its causes, an article) there is an exit node. Labels are whole,
 * wrapped to the node's width, and a node is as tall as its label. Steps and answers on the
 * user's path are marked.
 */
export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly lines: readonly string[];
  readonly kind: "step" | "exit";
  readonly x: number;
  readonly y: number;
  readonly height: number;
  readonly visited: boolean;
  readonly current: boolean;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly taken: boolean;
}

export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** `step→option key` → the node that option leads to. */
  readonly targets: ReadonlyMap<string, string>;
  readonly width: number;
  readonly height: number;
}

export const NODE = { width: 184, gapX: 20, gapY: 44, padY: 10, lineHeight: 18, fontSize: 13 } as const;
/** Four nodes side by side fit the page's column (4 × 204 + 20 px). */
export const MAX_PER_ROW = 4;

const chunk = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
/** Width units per line: a Han character is two, an ASCII character one (13 px text in 184 px). */
export const LINE_UNITS = 24;

const unitsOf = (char: string) => ((char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1);

/** Greedy wrapping by display width; ASCII words are kept whole where they fit on a line. */
export function wrapLabel(text: string, maxUnits: number = LINE_UNITS): string[] {
  const tokens = text.match(/[\x21-\x7e]+|\s+|[^\x21-\x7e\s]/g) ?? [];
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const push = () => {
    if (line.trim() !== "") lines.push(line.trim());
    line = "";
    used = 0;
  };
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (used > 0 && used < maxUnits) {
        line += " ";
        used += 1;
      }
      continue;
    }
    const width = [...token].reduce((sum, c) => sum + unitsOf(c), 0);
    if (used + width <= maxUnits) {
      line += token;
      used += width;
      continue;
    }
    if (width <= maxUnits) {
      push();
      line = token;
      used = width;
      continue;
    }
    for (const char of token) {
      if (used + unitsOf(char) > maxUnits) push();
      line += char;
      used += unitsOf(char);
    }
  }
  push();
  return lines;
}

function exitLabel(graph: WizardGraph, go: Go): string {
  switch (go.to) {
    case "problem": {
      const problem = graph.problems.get(go.entry);
      const cause = go.cause ? problem?.causes.find((c) => c.id === go.cause) : undefined;
      if (cause) return `${go.mode === "confirm" ? "解决" : "检查"}：${cause.title}`;
      return `排查：${problem?.title ?? go.entry}`;
    }
    case "article":
      return `查看：${graph.articles.get(go.entry)?.title ?? go.entry}`;
    case "support":
      return "整理信息交给技术支持";
    case "node":
      return graph.nodes.get(go.id)?.question ?? go.id;
  }
}

const exitId = (go: Go) => (go.to === "problem" ? `exit:${go.entry}#${go.cause ?? ""}:${go.mode}` : go.to === "article" ? `exit:${go.entry}` : `exit:${go.to}`);

export function layoutFlow(graph: WizardGraph, flowId: string, trail: readonly TrailItem[], current: ChoiceNode | null): Diagram {
  const steps = [...graph.nodes.values()].filter((n) => n.flow?.id === flowId);
  const inFlow = new Set(steps.map((s) => s.id));
  const first = steps[0];
  if (!first) return { nodes: [], edges: [], targets: new Map(), width: 0, height: 0 };

  const depth = new Map<string, number>();
  const order: string[] = [];
  const visit = (id: string, d: number, guard: number) => {
    if (!inFlow.has(id) || guard > steps.length) return;
    if (!depth.has(id)) order.push(id);
    if ((depth.get(id) ?? -1) >= d) return;
    depth.set(id, d);
    for (const o of graph.nodes.get(id)?.options ?? []) if (o.go.to === "node") visit(o.go.id, d + 1, guard + 1);
  };
  visit(first.id, 0, 0);

  const labels = new Map<string, string>(steps.map((s) => [s.id, s.question]));
  const edgesRaw: { from: string; to: string; label: string; key: string }[] = [];
  for (const step of steps) {
    for (const option of step.options) {
      const to = option.go.to === "node" && inFlow.has(option.go.id) ? option.go.id : exitId(option.go);
      if (!inFlow.has(to) && !labels.has(to)) {
        labels.set(to, exitLabel(graph, option.go));
        order.push(to);
      }
      if (!inFlow.has(to)) depth.set(to, Math.max(depth.get(to) ?? 0, (depth.get(step.id) ?? 0) + 1));
      edgesRaw.push({ from: step.id, to, label: option.label, key: option.key });
    }
  }

  const visited = new Set(trail.flatMap((t) => (t.position.kind === "choice" ? [t.position.node.id] : [])));
  if (current) visited.add(current.id);
  const taken = new Set(trail.flatMap((t) => (t.position.kind === "choice" ? [`${t.position.node.id}→${t.answer.key}`] : [])));
  const layers = new Map<number, string[]>();
  for (const id of order) {
    const d = depth.get(id) ?? 0;
    layers.set(d, [...(layers.get(d) ?? []), id]);
  }
  const wrapped = new Map([...labels].map(([id, label]) => [id, wrapLabel(label)]));
  const heightOf = (id: string) => (wrapped.get(id)?.length ?? 1) * NODE.lineHeight + 2 * NODE.padY;

  // A layer wider than the page is laid out in several rows, so the chart never needs more than
  // MAX_PER_ROW nodes side by side.
  const rows = [...layers.keys()].sort((a, b) => a - b).flatMap((d) => chunk(layers.get(d) ?? [], MAX_PER_ROW));
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const width = widest * (NODE.width + NODE.gapX) + NODE.gapX;
  const nodes: DiagramNode[] = [];
  let y = NODE.gapY / 2;
  for (const row of rows) {
    const offset = (width - row.length * (NODE.width + NODE.gapX) + NODE.gapX) / 2;
    const tallest = Math.max(...row.map(heightOf));
    row.forEach((id, i) => {
      // Exits that the path took count as visited.
      const exitTaken = !inFlow.has(id) && edgesRaw.some((e) => e.to === id && taken.has(`${e.from}→${e.key}`));
      nodes.push({
        id,
        label: labels.get(id) ?? "",
        lines: wrapped.get(id) ?? [],
        kind: inFlow.has(id) ? "step" : "exit",
        x: offset + i * (NODE.width + NODE.gapX),
        y,
        height: heightOf(id),
        visited: visited.has(id) || exitTaken,
        current: current?.id === id,
      });
    });
    y += tallest + NODE.gapY;
  }
  // Options that lead to the same place are drawn as one edge.
  const merged = new Map<string, { from: string; to: string; labels: string[]; taken: boolean }>();
  for (const e of edgesRaw) {
    const key = `${e.from}→${e.to}`;
    const edge = merged.get(key) ?? { from: e.from, to: e.to, labels: [], taken: false };
    edge.labels.push(e.label);
    edge.taken ||= taken.has(`${e.from}→${e.key}`);
    merged.set(key, edge);
  }
  const edges = [...merged.values()].map((e) => ({ from: e.from, to: e.to, label: e.labels.join(" / "), taken: e.taken }));
  const targets = new Map(edgesRaw.map((e) => [`${e.from}→${e.key}`, e.to]));
  return { nodes, edges, targets, width, height: y - NODE.gapY / 2 };
}

/** A problem's causes in the order the wizard asks them, each with what this path settled. */
export interface CauseRow {
  readonly id: string;
  readonly title: string;
  readonly state: CauseState | "open";
  readonly by: "check" | "flow" | "log" | null;
  readonly current: boolean;
}

export function causeRows(walk: Pick<Walk, "statuses" | "position">, problem: { id: string; causes: readonly { id: string; title: string }[] }): CauseRow[] {
  const here = walk.position.kind === "check" || walk.position.kind === "fix" || walk.position.kind === "solved" ? walk.position.cause.id : null;
  return problem.causes.map((cause) => {
    const status = walk.statuses.get(causeKey(problem.id, cause.id));
    return { id: cause.id, title: cause.title, state: status?.state ?? "open", by: status?.by ?? null, current: cause.id === here };
  });
}
