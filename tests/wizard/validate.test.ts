import { describe, expect, it } from "vitest";
import type { Problem } from "@/content/schema";
import type { Article, ChoiceNode, ChoiceOption, Go, Scope, Start, WizardGraph } from "@/wizard/model";
import { resolve } from "@/wizard/engine";
import { validateWizardGraph } from "@/wizard/validate";

/** Hand-made wizard graphs, each broken in one known way; the real ones are checked in engine.test.ts. */
const option = (key: string, go: Go, label = `选项 ${key}`): ChoiceOption => ({ key, label, group: null, go, rulesOut: [] });
const node = (id: string, options: ChoiceOption[]): ChoiceNode => ({ id, kind: "menu", wizard: { key: "t", title: "T" }, question: `${id}？`, body: null, options, scope: null, flow: null });
// The validator reads only a problem's cause ids and an article's presence.
const problem = { id: "p", causes: [{ id: "a" }, { id: "b" }] } as unknown as Problem;
const article = { id: "art" } as unknown as Article;
const area: Scope = { by: "area", slug: "docker", label: "Docker" };

function graph(nodes: ChoiceNode[], starts: Record<string, Start> = { triage: { to: "node", id: "triage" } }, areaOf: Record<string, Scope> = {}): WizardGraph {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    starts: new Map(Object.entries(starts)),
    problems: new Map([[problem.id, problem]]),
    articles: new Map([[article.id, article]]),
    areaOf: new Map(Object.entries(areaOf)),
  };
}
const toSupport = option("s", { to: "support" });

describe("validateWizardGraph", () => {
  it("accepts a graph whose every option leads somewhere that exists", () => {
    const g = graph([
      node("triage", [
        option("m", { to: "node", id: "menu" }),
        option("p", { to: "problem", entry: "p", cause: null, mode: "start" }),
        option("pb", { to: "problem", entry: "p", cause: "b", mode: "confirm" }),
        option("art", { to: "article", entry: "art" }),
      ]),
      node("menu", [toSupport]),
    ]);
    expect(validateWizardGraph(g)).toEqual([]);
  });

  it("names every target that does not exist: a node, a problem, a cause of a problem, an article", () => {
    const g = graph([
      node("triage", [
        option("n", { to: "node", id: "no-node" }),
        option("p", { to: "problem", entry: "no-problem", cause: null, mode: "start" }),
        option("c", { to: "problem", entry: "p", cause: "no-cause", mode: "ask-again" }),
        option("a", { to: "article", entry: "no-article" }),
        toSupport,
      ]),
    ]);
    expect(validateWizardGraph(g)).toEqual([
      { kind: "unknown-target", node: "triage", target: "no-node" },
      { kind: "unknown-target", node: "triage", target: "no-problem" },
      { kind: "unknown-target", node: "triage", target: "p#no-cause" },
      { kind: "unknown-target", node: "triage", target: "no-article" },
    ]);
  });

  it("checks where each start leads, a problem's cause included", () => {
    const g = graph([node("triage", [toSupport])], {
      triage: { to: "node", id: "triage" },
      "p~a": { to: "problem", entry: "p", cause: "a" },
      "p~z": { to: "problem", entry: "p", cause: "z" },
      gone: { to: "article", entry: "gone" },
      lost: { to: "node", id: "lost" },
    });
    expect(validateWizardGraph(g)).toEqual([
      { kind: "unknown-target", node: "start:p~z", target: "p#z" },
      { kind: "unknown-target", node: "start:gone", target: "gone" },
      { kind: "unknown-target", node: "start:lost", target: "lost" },
    ]);
  });

  it("finds dead ends, empty labels and keys used twice in one node", () => {
    const g = graph([node("triage", [option("x", { to: "node", id: "end" }), option("y", { to: "support" }, " \n "), option("x", { to: "support" })]), node("end", [])]);
    expect(validateWizardGraph(g)).toEqual([
      { kind: "empty-label", node: "triage" },
      { kind: "duplicate-key", node: "triage", key: "x" },
      { kind: "dead-end", node: "end" },
    ]);
  });

  it("finds nodes no start reaches, but not an area's 都不是, which an article's step reaches", () => {
    const g = graph([node("triage", [toSupport]), node("island", [toSupport]), node("none/area/docker", [toSupport])], undefined, { art: area });
    expect(validateWizardGraph(g)).toEqual([{ kind: "unreachable", node: "island" }]);
    expect(validateWizardGraph(graph([node("triage", [toSupport]), node("none/area/docker", [toSupport])]))).toEqual([{ kind: "unreachable", node: "none/area/docker" }]);
  });

  it("finds a chain of choices that comes back on itself, with the nodes on it", () => {
    const g = graph([
      // b is reached again from the first screen once its cycles are known: they are reported once.
      node("triage", [option("a", { to: "node", id: "a" }), option("b", { to: "node", id: "b" })]),
      node("a", [option("leaf", { to: "node", id: "leaf" }), option("b", { to: "node", id: "b" })]),
      node("leaf", [toSupport]),
      node("b", [option("back", { to: "node", id: "a" }), option("self", { to: "node", id: "b" })]),
    ]);
    expect(validateWizardGraph(g)).toEqual([
      { kind: "cycle", nodes: ["a", "b", "a"] },
      { kind: "cycle", nodes: ["b", "b"] },
    ]);
    // Two ways into one node are no cycle.
    const diamond = graph([node("triage", [option("a", { to: "node", id: "a" }), option("b", { to: "node", id: "b" })]), node("a", [option("c", { to: "node", id: "c" })]), node("b", [option("c", { to: "node", id: "c" })]), node("c", [toSupport])]);
    expect(validateWizardGraph(diamond)).toEqual([]);
  });
});

describe("the engine on a graph the validator would reject", () => {
  it("refuses a start or an answer that leads nowhere, instead of failing", () => {
    const g = graph([node("triage", [option("n", { to: "node", id: "no-node" }), option("a", { to: "article", entry: "no-article" }), option("p", { to: "problem", entry: "no-problem", cause: null, mode: "start" })])], {
      triage: { to: "node", id: "triage" },
      lost: { to: "node", id: "lost" },
      gone: { to: "article", entry: "gone" },
      missing: { to: "problem", entry: "missing", cause: null },
    });
    for (const start of ["lost", "gone", "missing"]) expect(resolve(g, { start, answers: [] })).toEqual({ ok: false, reason: "unknown-start", validUpTo: null });
    // An option whose target is missing keeps the walk where it was.
    for (const key of ["n", "a", "p"]) expect(resolve(g, { start: "triage", answers: [key] })).toMatchObject({ ok: true, position: { kind: "choice", node: { id: "triage" } } });
  });
});
