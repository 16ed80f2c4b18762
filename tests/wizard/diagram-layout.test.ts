import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildWizardGraph } from "@/wizard/build";
import { causeRows, layoutFlow, wrapLabel } from "@/wizard/diagram";
import { resolve, type TrailItem } from "@/wizard/engine";
import type { ChoiceNode, Go, WizardGraph } from "@/wizard/model";

/**
 * The flow chart's layout on made-up flows (diagram.test.ts draws the real ones): where a step sits,
 * how exits and edges are merged, and how labels wrap at the edge of a line.
 */
const step = (id: string, options: readonly (readonly [key: string, go: Go])[], flow = "f"): ChoiceNode => ({
  id,
  kind: "flow",
  wizard: { key: flow, title: `流程 ${flow}` },
  question: `问题 ${id}`,
  body: null,
  options: options.map(([key, go]) => ({ key, label: `选 ${key}`, group: null, go, rulesOut: [] })),
  scope: null,
  flow: { id: flow, step: id },
});
const to = (id: string): Go => ({ to: "node", id });
const support: Go = { to: "support" };
const graphOf = (...nodes: ChoiceNode[]): WizardGraph => ({ nodes: new Map(nodes.map((n) => [n.id, n])), starts: new Map(), problems: new Map(), articles: new Map(), areaOf: new Map() });
const chosen = (node: ChoiceNode, key: string): TrailItem => ({ position: { kind: "choice", node }, answer: { key, label: key, group: null }, state: null, fromLog: null });

describe("layoutFlow on made-up flows", () => {
  it("puts a step in the layer of its longest path from the first step, layers top to bottom", () => {
    // a → b → c and a → c: c is two steps down, whichever option is met first.
    for (const options of [
      [["b", to("b")], ["c", to("c")]],
      [["c", to("c")], ["b", to("b")]],
    ] as const) {
      const diagram = layoutFlow(graphOf(step("a", options), step("b", [["c", to("c")]]), step("c", [["s", support]])), "f", [], null);
      const y = (id: string) => diagram.nodes.find((n) => n.id === id)?.y ?? Number.NaN;
      expect(diagram.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "c", "exit:support"]);
      expect(y("a")).toBeLessThan(y("b"));
      expect(y("b")).toBeLessThan(y("c"));
      expect(y("c")).toBeLessThan(y("exit:support"));
    }
  });

  it("draws an exit once however many steps lead to it, and options to one place as one edge", () => {
    const graph = graphOf(step("a", [["x", to("b")], ["y", support], ["z", support]]), step("b", [["s", support]]));
    const diagram = layoutFlow(graph, "f", [], null);
    expect(diagram.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["a", "step"],
      ["b", "step"],
      ["exit:support", "exit"],
    ]);
    expect(diagram.nodes.find((n) => n.id === "exit:support")?.label).toBe("整理信息交给技术支持");
    expect(diagram.edges).toEqual([
      { from: "a", to: "b", label: "选 x", taken: false },
      { from: "a", to: "exit:support", label: "选 y / 选 z", taken: false },
      { from: "b", to: "exit:support", label: "选 s", taken: false },
    ]);
    expect(diagram.targets.get("a→z")).toBe("exit:support");
  });

  it("draws a step of another flow as an exit named by its question, and an entry it cannot find by its id", () => {
    const graph = graphOf(step("a", [["o", to("other")], ["p", { to: "problem", entry: "gone", cause: null, mode: "start" }], ["r", { to: "article", entry: "missing" }]]), step("other", [], "g"));
    const diagram = layoutFlow(graph, "f", [], null);
    expect(diagram.nodes.map((n) => [n.kind, n.label])).toEqual([
      ["step", "问题 a"],
      ["exit", "问题 other"],
      ["exit", "排查：gone"],
      ["exit", "查看：missing"],
    ]);
  });

  it("marks the path's steps, the exit it took and the current step; trail items outside the flow mark nothing", () => {
    const a = step("a", [["b", to("b")], ["s", support]]);
    const b = step("b", [["s", support]]);
    const trail: TrailItem[] = [chosen(a, "b"), chosen(b, "s"), { position: { kind: "support" }, answer: { key: "s", label: "s", group: null }, state: null, fromLog: null }];
    const diagram = layoutFlow(graphOf(a, b), "f", trail, null);
    expect(diagram.nodes.filter((n) => n.visited).map((n) => n.id)).toEqual(["a", "b", "exit:support"]);
    expect(diagram.edges.filter((e) => e.taken).map((e) => `${e.from}→${e.to}`)).toEqual(["a→b", "b→exit:support"]);
    expect(layoutFlow(graphOf(a, b), "f", [chosen(a, "b")], b).nodes.filter((n) => n.current).map((n) => n.id)).toEqual(["b"]);
  });

  it("still ends, each step drawn once, on a flow that loops (content checks reject loops)", () => {
    const diagram = layoutFlow(graphOf(step("a", [["b", to("b")]]), step("b", [["a", to("a")], ["s", support]])), "f", [], null);
    expect(diagram.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "exit:support"]);
  });
});

describe("wrapLabel at the edge of a line", () => {
  it("fills a line exactly, and moves a word that would overflow to the next line whole", () => {
    expect(wrapLabel(`${"x".repeat(20)} abc`)).toEqual([`${"x".repeat(20)} abc`]);
    expect(wrapLabel(`${"x".repeat(20)} abcd`)).toEqual(["x".repeat(20), "abcd"]);
    expect(wrapLabel(`ab ${"y".repeat(24)}`)).toEqual(["ab", "y".repeat(24)]);
  });

  it("collapses a run of spaces to one", () => {
    expect(wrapLabel("ab   cd")).toEqual(["ab cd"]);
  });
});

describe("causeRows at a fix, a solved cause and a flow step", () => {
  it("marks the cause being fixed or solved as current, and none at a flow step", async () => {
    const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
    if (!graph) throw new Error("content has errors");
    const wizards = buildWizardGraph(graph);
    const rows = (start: string, answers: string[]) => {
      const walk = resolve(wizards, { start, answers });
      if (!walk.ok) throw new Error("expected a walk");
      const problem = wizards.problems.get("gptlink-docker-server-error");
      if (!problem) throw new Error("expected the problem");
      return causeRows(walk, problem).map((r) => [r.id, r.state, r.by, r.current]);
    };
    expect(rows("gptlink-docker-server-error", ["n", "y"])).toEqual([
      ["db-address-localhost", "ruled-out", "check", false],
      ["mysql-too-old", "confirmed", "check", true],
      ["compose-start-order", "open", null, false],
    ]);
    expect(rows("gptlink-docker-server-error", ["n", "y", "y"])[1]).toEqual(["mysql-too-old", "solved", "check", true]);
    expect(rows("docker-server-error", []).filter(([, , , current]) => current)).toEqual([]);
  });
});
