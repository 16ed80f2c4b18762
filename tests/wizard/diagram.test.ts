import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildWizardGraph } from "@/wizard/build";
import { causeRows, layoutFlow, LINE_UNITS, MAX_PER_ROW, NODE, wrapLabel } from "@/wizard/diagram";
import { resolve } from "@/wizard/engine";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");
const wizards = buildWizardGraph(graph);
const width = (line: string) => [...line].reduce((sum, c) => sum + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);

describe("wrapLabel", () => {
  it("keeps every character, breaks by display width, and keeps ASCII words whole where they fit", () => {
    const label = "容器日志里有连接数据库或 Redis 失败的报错吗？用 docker-compose logs gptlink 查看";
    const lines = wrapLabel(label);
    expect(lines.join("").replace(/\s/g, "")).toBe(label.replace(/\s/g, ""));
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(LINE_UNITS);
    expect(lines.some((l) => l.includes("docker-compose"))).toBe(true);
    expect(wrapLabel("x".repeat(60), 24).map((l) => l.length)).toEqual([24, 24, 12]);
    expect(wrapLabel("")).toEqual([]);
  });
});

describe("layoutFlow", () => {
  it("draws every step and exit with its whole label, the taken path marked, nothing overlapping", () => {
    const walk = resolve(wizards, { start: "docker-server-error", answers: ["log-db-error"] });
    if (!walk.ok || walk.position.kind !== "choice") throw new Error("expected a flow step");
    const diagram = layoutFlow(wizards, "docker-server-error", walk.trail, walk.position.node);
    const flow = graph.flows.find((f) => f.id === "docker-server-error")!;
    const squash = (t: string) => t.replace(/\s/g, "");
    for (const step of flow.steps) {
      const node = diagram.nodes.find((n) => n.label === step.question);
      expect(node && squash(node.lines.join("")), step.id).toBe(squash(step.question));
    }
    expect(diagram.nodes.filter((n) => n.visited).map((n) => n.label)).toEqual([flow.steps[0]!.question, flow.steps[1]!.question]);
    expect(diagram.nodes.filter((n) => n.current)).toHaveLength(1);
    expect(diagram.edges.filter((e) => e.taken)).toHaveLength(1);
    for (const a of diagram.nodes) {
      for (const b of diagram.nodes) {
        if (a === b) continue;
        const apart = a.x + 184 <= b.x || b.x + 184 <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.label} / ${b.label}`).toBe(true);
      }
    }
  });

  it("keeps every flow's chart within four nodes side by side", () => {
    for (const flow of graph.flows) {
      const diagram = layoutFlow(wizards, flow.id, [], null);
      expect(diagram.width, flow.id).toBeLessThanOrEqual(MAX_PER_ROW * (NODE.width + NODE.gapX) + NODE.gapX);
      expect(diagram.nodes.length, flow.id).toBeGreaterThan(flow.steps.length);
    }
  });
});

describe("causeRows", () => {
  it("lists a problem's causes in order with what the path settled", () => {
    const walk = resolve(wizards, { start: "gptlink-docker-server-error", answers: ["n", "u"] });
    if (!walk.ok || walk.position.kind !== "check") throw new Error("expected a check");
    expect(causeRows(walk, walk.position.problem).map((r) => [r.id, r.state, r.current])).toEqual([
      ["db-address-localhost", "ruled-out", false],
      ["mysql-too-old", "open", true],
      ["compose-start-order", "open", false],
    ]);
  });
});
