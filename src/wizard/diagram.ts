import type { TrailItem } from "./engine";
import type { Step, WizardGraph } from "./model";

/**
 * Layout of one wizard as a layered graph, for a server-rendered SVG: each step sits in the
 * layer of its longest distance from the wizard's first step, left to right in order of
 * discovery; steps of other wizards that options lead to appear as exits. Steps and answers on
 * the user's path are marked.
 */
export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  readonly kind: Step["kind"] | "exit";
  readonly x: number;
  readonly y: number;
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
  readonly width: number;
  readonly height: number;
}

export const NODE = { width: 168, height: 44, gapX: 24, gapY: 56 } as const;
const MAX_EXITS = 8;

export function layoutWizard(graph: WizardGraph, current: Step, trail: readonly TrailItem[]): Diagram {
  const key = current.wizard.key;
  const inWizard = [...graph.steps.values()].filter((s) => s.wizard.key === key);
  const ids = new Set(inWizard.map((s) => s.id));
  const entry = trail.find((t) => t.step.wizard.key === key)?.step ?? current;
  const first = inWizard.find((s) => !inWizard.some((o) => o.options.some((opt) => opt.target === s.id))) ?? entry;

  const depth = new Map<string, number>();
  const order: string[] = [];
  const visit = (id: string, d: number, guard: number) => {
    if (!ids.has(id) || guard > ids.size) return;
    if (!depth.has(id)) order.push(id);
    if ((depth.get(id) ?? -1) >= d) return;
    depth.set(id, d);
    for (const o of graph.steps.get(id)?.options ?? []) visit(o.target, d + 1, guard + 1);
  };
  visit(first.id, 0, 0);
  for (const s of inWizard) if (!depth.has(s.id)) visit(s.id, 0, 0);

  const exits = new Map<string, { label: string; depth: number }>();
  for (const s of inWizard) {
    for (const o of s.options) {
      if (ids.has(o.target) || exits.has(o.target)) continue;
      const target = graph.steps.get(o.target);
      exits.set(o.target, { label: target ? `→ ${target.wizard.title}` : "→ 其他向导", depth: (depth.get(s.id) ?? 0) + 1 });
    }
  }
  const showExits = exits.size <= MAX_EXITS;

  const visited = new Set([...trail.map((t) => t.step.id), current.id]);
  const taken = new Set(trail.map((t) => `${t.step.id}→${t.option.key}`));
  const layers = new Map<number, string[]>();
  const place = (id: string, d: number) => {
    const layer = layers.get(d) ?? [];
    layer.push(id);
    layers.set(d, layer);
  };
  for (const id of order) place(id, depth.get(id) ?? 0);
  if (showExits) for (const [id, exit] of exits) place(id, exit.depth);

  const widest = Math.max(1, ...[...layers.values()].map((l) => l.length));
  const width = widest * (NODE.width + NODE.gapX) + NODE.gapX;
  const position = new Map<string, { x: number; y: number }>();
  for (const [d, layer] of layers) {
    const offset = (width - layer.length * (NODE.width + NODE.gapX) + NODE.gapX) / 2;
    layer.forEach((id, i) => position.set(id, { x: offset + i * (NODE.width + NODE.gapX), y: NODE.gapY / 2 + d * (NODE.height + NODE.gapY) }));
  }

  const nodes: DiagramNode[] = [];
  for (const [id, pos] of position) {
    const step = graph.steps.get(id);
    const exit = exits.get(id);
    const isExit = !ids.has(id);
    nodes.push({
      id,
      label: isExit ? (exit?.label ?? "") : nodeLabel(step),
      kind: isExit || !step ? "exit" : step.kind,
      ...pos,
      visited: visited.has(id),
      current: id === current.id,
    });
  }
  // Options that lead to the same step ("否" and "不确定") are drawn as one edge.
  const merged = new Map<string, { from: string; to: string; labels: string[]; taken: boolean }>();
  for (const s of inWizard) {
    for (const o of s.options) {
      if (!position.has(o.target)) continue;
      const key = `${s.id}→${o.target}`;
      const edge = merged.get(key) ?? { from: s.id, to: o.target, labels: [], taken: false };
      edge.labels.push(o.label);
      edge.taken ||= taken.has(`${s.id}→${o.key}`);
      merged.set(key, edge);
    }
  }
  const edges: DiagramEdge[] = [...merged.values()].map((e) => ({ from: e.from, to: e.to, label: e.labels.join(" / "), taken: e.taken }));
  const height = (Math.max(0, ...layers.keys()) + 1) * (NODE.height + NODE.gapY);
  return { nodes, edges, width, height };
}

function nodeLabel(step: Step | undefined): string {
  if (!step) return "";
  switch (step.kind) {
    case "check":
      return `检查：${step.causeTitle}`;
    case "fix":
      return `解决：${step.causeTitle}`;
    case "solved":
      return "已解决";
    case "unsolved":
      return "未解决：整理信息";
    default:
      return step.question;
  }
}
