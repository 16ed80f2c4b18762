import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import type { KnowledgeGraph } from "@/content/graph";
import { buildWizardGraph, NONE_KEY, systemKey } from "@/wizard/build";
import { layoutFlow } from "@/wizard/diagram";
import { causeKey, causesLeft, next, questionOf, resolve, wizardTitle, type Walk } from "@/wizard/engine";
import type { Cause, Problem } from "@/content/schema";
import type { Go, Scope, WizardGraph } from "@/wizard/model";
import { validateWizardGraph } from "@/wizard/validate";
import { tempContent, type TempContent } from "../helpers/content-tree";

/** The engine on a made-up tree: one problem with three causes, one guide, one flow. */
let tree: TempContent;
let graph: KnowledgeGraph;
// The wizards are built again by every walk, not once in beforeAll: mutation testing switches a
// mutant on only while tests run, so a graph built before them would never show a mutant of build.ts.
const wizards = (): WizardGraph => buildWizardGraph(graph);
const front = (id: string, kind: string, extra = "") =>
  `---\nid: ${id}\nkind: ${kind}\ntitle: 标题 ${id}\nsummary: 摘要。\nsystem: general\narea: docker\n${extra}upstream: [S000-8]\nupdated: 2026-11-21\n---\n`;
const cause = (id: string, question: string, signature = "") =>
  `\n## 原因：原因 ${id} {#${id}}\n\n${signature ? `### 特征\n\n- \`${signature}\`\n\n` : ""}### 检查\n\n${question}\n\n### 解决\n\n处理 ${id}。\n`;

beforeAll(async () => {
  tree = await tempContent();
  await tree.write("docker/p.md", front("p", "problem", "signatures: ['p 服务启动失败：端口被占用']\n") + cause("a", "端口没有放行？") + cause("b", "磁盘满了？", "No space left on device") + cause("c", "内存不够？"));
  await tree.write("docker/g.md", `${front("g", "guide")}\n## 第一步\n\n做这个。\n`);
  // Only the one upstream problem these entries cover, so that the tree builds a graph.
  await writeFile(path.join(tree.dir, "upstream.yml"), "documents:\n  - prefix: S000\n    slug: gptlink-faq\n    title: gptlink 常见问题\nproblems:\n  - id: S000-8\n    summary: 服务器错误\n");
  await mkdir(path.join(tree.dir, "wizards"), { recursive: true });
  await writeFile(
    path.join(tree.dir, "wizards", "f.md"),
    "---\nid: f\ntitle: 流程 f\nsummary: 摘要。\narea: docker\nupdated: 2026-11-21\n---\n\n## 防火墙开着吗？ {#s1}\n\n- [开着](/entry/p#cause-a)\n- [关着](#s2)\n- [不确定](/entry/p#cause-a)\n\n## 看到 No space left on device 了吗？ {#s2}\n\n- [看到了](/entry/p#cause-b)\n- [没有](/entry/p)\n- [先看操作指南](/entry/g)\n",
  );
  const built = await buildContent(tree.dir);
  if (!built.graph) throw new Error(built.files.flatMap((f) => f.messages.map(String)).join("\n"));
  graph = built.graph;
});
afterAll(async () => tree.remove());

const walk = (start: string, ...answers: string[]): Walk => {
  const w = resolve(wizards(), { start, answers });
  if (!w.ok) throw new Error(`${start}/${answers.join("/")}: ${w.reason}`);
  return w;
};
const at = (w: Walk) => (w.position.kind === "check" ? `check ${w.position.cause.id}${w.position.again ? " again" : ""}` : w.position.kind === "fix" ? `fix ${w.position.cause.id}` : w.position.kind === "choice" ? w.position.node.id : w.position.kind);

describe("the engine on a tiny tree", () => {
  it("is valid", () => expect(validateWizardGraph(wizards())).toEqual([]));

  it("lists flows, problems, guides and 都不是 in the area's menu and the system's", () => {
    expect(walk("triage", "docker").options.map((o) => [o.key, o.group])).toEqual([
      ["f", "排查问题"],
      ["p", "排查问题"],
      ["g", "问答和操作指南"],
      [NONE_KEY, null],
    ]);
    expect(walk("triage", systemKey("general")).options.map((o) => o.key)).toEqual(["f", "p", "g", NONE_KEY]);
    expect(at(walk("triage", "docker", "g"))).toBe("article");
    expect(at(walk("triage", "docker", "g", "n"))).toBe("none/area/docker");
    expect(at(walk("triage", "docker", "g", "n", "s"))).toBe("support");
  });

  it("takes a flow answer linked to a cause as confirming it, and a sibling as ruling it out", () => {
    expect(at(walk("f", "p~a"))).toBe("fix a");
    expect(at(walk("f", "p~a", "n"))).toBe("check b");
    const ruled = walk("f", "s2", "p");
    expect(at(ruled)).toBe("check c");
    expect(at(walk("f", "s2", "p", "n"))).toBe("unsolved");
    expect([...walk("f", "s2", "p", "n").statuses.values()].map((s) => `${s.state}/${s.by}`)).toEqual(["ruled-out/flow", "ruled-out/flow", "ruled-out/check"]);
  });

  it("sends an unsure flow answer to the cause's check with how to find out, once", () => {
    expect(at(walk("f", "p~a.2"))).toBe("check a again");
    expect(walk("f", "p~a.2").options.map((o) => o.label)).toEqual(["是", "否", "还是确定不了，先看其他原因"]);
    expect(at(walk("f", "p~a.2", "u"))).toBe("check b");
  });

  it("builds the first screen, each scope's menu and 都不是, and the flow's steps", () => {
    const w = wizards();
    const docker = { by: "area", slug: "docker", label: "Docker 部署" } as const;
    const general = { by: "system", slug: "general", label: "通用" } as const;
    const option = (key: string, label: string, group: string | null, go: Go, rulesOut: { entry: string; cause: string }[] = []) => ({ key, label, group, go, rulesOut });
    const menu = (scope: Scope) => ({
      id: `${scope.by}/${scope.slug}`,
      kind: "menu",
      wizard: { key: "triage", title: scope.label },
      question: `${scope.label}：具体是哪种情况？`,
      body: null,
      scope,
      flow: null,
      options: [
        option("f", "流程 f", "排查问题", { to: "node", id: "flow/f/s1" }),
        option("p", "标题 p", "排查问题", { to: "problem", entry: "p", cause: null, mode: "start" }),
        option("g", "标题 g", "问答和操作指南", { to: "article", entry: "g" }),
        option(NONE_KEY, "都不是", null, { to: "node", id: `none/${scope.by}/${scope.slug}` }),
      ],
    });
    const none = (scope: Scope) => ({
      id: `none/${scope.by}/${scope.slug}`,
      kind: "none",
      wizard: { key: "triage", title: scope.label },
      question: "没有符合的情况？换个方式找找",
      body: null,
      scope,
      flow: null,
      options: [option("s", "还是没找到，整理信息交给技术支持", null, { to: "support" })],
    });
    // Only the scopes that hold something are offered; the taxonomy has many more.
    expect(w.nodes.get("triage")).toEqual({
      id: "triage",
      kind: "triage",
      wizard: { key: "triage", title: "引导式排查" },
      question: "你遇到了什么问题？",
      body: null,
      scope: null,
      flow: null,
      options: [option("docker", "Docker 部署", "按出问题的地方", { to: "node", id: "area/docker" }), option(systemKey("general"), "通用", "按系统", { to: "node", id: "system/general" })],
    });
    expect(w.nodes.get("area/docker")).toEqual(menu(docker));
    expect(w.nodes.get("system/general")).toEqual(menu(general));
    expect(w.nodes.get("none/area/docker")).toEqual(none(docker));
    expect(w.nodes.get("none/system/general")).toEqual(none(general));
    const step = (id: string) => {
      const node = w.nodes.get(`flow/f/${id}`);
      return node && { ...node, body: null };
    };
    const flowStep = (id: string, question: string, options: ReturnType<typeof option>[]) => ({ id: `flow/f/${id}`, kind: "flow", wizard: { key: "f", title: "流程 f" }, question, body: null, scope: docker, flow: { id: "f", step: id }, options });
    // Two answers pointing at cause a (confirm, unsure) get distinct keys; a sibling rules out what the other confirms.
    expect(step("s1")).toEqual(
      flowStep("s1", "防火墙开着吗？", [
        option("p~a", "开着", null, { to: "problem", entry: "p", cause: "a", mode: "confirm" }),
        option("s2", "关着", null, { to: "node", id: "flow/f/s2" }, [{ entry: "p", cause: "a" }]),
        option("p~a.2", "不确定", null, { to: "problem", entry: "p", cause: "a", mode: "ask-again" }),
      ]),
    );
    expect(step("s2")).toEqual(
      flowStep("s2", "看到 No space left on device 了吗？", [
        option("p~b", "看到了", null, { to: "problem", entry: "p", cause: "b", mode: "confirm" }),
        option("p", "没有", null, { to: "problem", entry: "p", cause: null, mode: "start" }, [{ entry: "p", cause: "b" }]),
        option("g", "先看操作指南", null, { to: "article", entry: "g" }, [{ entry: "p", cause: "b" }]),
      ]),
    );
    expect(w.nodes.size).toBe(7);
    expect(Object.fromEntries(w.starts)).toEqual({
      p: { to: "problem", entry: "p", cause: null },
      "p~a": { to: "problem", entry: "p", cause: "a" },
      "p~b": { to: "problem", entry: "p", cause: "b" },
      "p~c": { to: "problem", entry: "p", cause: "c" },
      g: { to: "article", entry: "g" },
      f: { to: "node", id: "flow/f/s1" },
      triage: { to: "node", id: "triage" },
    });
    expect(Object.fromEntries(w.areaOf)).toEqual({ p: docker, g: docker });
    expect([...w.problems.keys()]).toEqual(["p"]);
    expect([...w.articles.keys()]).toEqual(["g"]);
  });

  it("draws the flow in layers by distance from its first step, with the path taken and an exit for each way out", () => {
    const inFlow = walk("f", "s2");
    const current = inFlow.position.kind === "choice" ? inFlow.position.node : null;
    const step = (id: string, label: string, lines: string[], x: number, y: number, visited: boolean, isCurrent: boolean) => ({ id, label, lines, kind: "step", x, y, height: lines.length * 18 + 20, visited, current: isCurrent });
    const exit = (id: string, label: string, x: number, y: number, visited = false) => ({ id, label, lines: [label], kind: "exit", x, y, height: 38, visited, current: false });
    const edge = (from: string, to: string, label: string, taken = false) => ({ from, to, label, taken });
    // Three nodes side by side: 3 × (184 + 20) + 20 wide; rows 44 apart, each as tall as its tallest node.
    const drawn = layoutFlow(wizards(), "f", inFlow.trail, current);
    expect(drawn).toEqual({
      nodes: [
        step("flow/f/s1", "防火墙开着吗？", ["防火墙开着吗？"], 224, 22, true, false),
        step("flow/f/s2", "看到 No space left on device 了吗？", ["看到 No space left on", "device 了吗？"], 20, 104, true, true),
        exit("exit:p#a:confirm", "解决：原因 a", 224, 104),
        exit("exit:p#a:ask-again", "检查：原因 a", 428, 104),
        exit("exit:p#b:confirm", "解决：原因 b", 20, 204),
        exit("exit:p#:start", "排查：标题 p", 224, 204),
        exit("exit:g", "查看：标题 g", 428, 204),
      ],
      edges: [
        edge("flow/f/s1", "exit:p#a:confirm", "开着"),
        edge("flow/f/s1", "flow/f/s2", "关着", true),
        edge("flow/f/s1", "exit:p#a:ask-again", "不确定"),
        edge("flow/f/s2", "exit:p#b:confirm", "看到了"),
        edge("flow/f/s2", "exit:p#:start", "没有"),
        edge("flow/f/s2", "exit:g", "先看操作指南"),
      ],
      targets: new Map([
        ["flow/f/s1→p~a", "exit:p#a:confirm"],
        ["flow/f/s1→s2", "flow/f/s2"],
        ["flow/f/s1→p~a.2", "exit:p#a:ask-again"],
        ["flow/f/s2→p~b", "exit:p#b:confirm"],
        ["flow/f/s2→p", "exit:p#:start"],
        ["flow/f/s2→g", "exit:g"],
      ]),
      width: 632,
      height: 264,
    });
    // Leaving the flow by an answer marks that exit as visited, and no step as current.
    const left = layoutFlow(wizards(), "f", walk("f", "s2", "p").trail, null);
    expect(left.nodes.filter((n) => n.visited).map((n) => n.id)).toEqual(["flow/f/s1", "flow/f/s2", "exit:p#:start"]);
    expect(left.nodes.filter((n) => n.current)).toEqual([]);
    expect(left.edges.filter((e) => e.taken).map((e) => e.label)).toEqual(["关着", "没有"]);
    expect(layoutFlow(wizards(), "no-such-flow", [], null)).toEqual({ nodes: [], edges: [], targets: new Map(), width: 0, height: 0 });
  });

  it("asks the causes in the order given", () => {
    const ids = (causeOrder: (p: Problem) => readonly Cause[]) => buildWizardGraph(graph, { causeOrder }).problems.get("p")?.causes.map((c) => c.id);
    expect(ids((p) => [p.causes[0]!, p.causes[2]!, p.causes[1]!])).toEqual(["a", "c", "b"]);
    expect(ids((p) => p.causes)).toEqual(["a", "b", "c"]);
  });

  it("goes on from any cause to the ones not yet settled, in order", () => {
    expect(at(walk("p~c", "n"))).toBe("check a");
    expect(at(walk("p~c", "n", "n"))).toBe("check b");
    expect(at(walk("p~c", "n", "n", "n"))).toBe("unsolved");
    expect(at(walk("p~b", "y", "n"))).toBe("check a");
  });

  it("answers a check from the log first, whatever the start", () => {
    const evidence = [{ cause: "b", line: 7, text: "write failed: No space left on device" }];
    const w = resolve(wizards(), { start: "p~a", answers: [], evidence });
    expect(w.ok && at(w)).toBe("fix b");
    expect(w.ok && w.trail.map((t) => [t.fromLog?.line, t.answer.label])).toEqual([[7, "是"]]);
    expect(w.ok && w.trail[0]?.position).toMatchObject({ kind: "check", again: false, cause: { id: "b" } });
    expect(w.ok && w.statuses.get(causeKey("p", "b"))).toEqual({ state: "confirmed", by: "log" });
    const after = resolve(wizards(), { start: "p~a", answers: ["n"], evidence });
    expect(after.ok && at(after)).toBe("check a");
  });

  it("keeps in the state only the evidence it accepted, quoted, and only for a problem it starts at", () => {
    const line = { cause: "b", line: 7, text: "write  failed:\tNo space left on device" };
    expect(walk("p").state).toEqual({ start: "p", answers: [] });
    const accepted = resolve(wizards(), { start: "p", answers: [], evidence: [line] });
    expect(accepted.ok && accepted.state).toEqual({ start: "p", answers: [], evidence: [{ cause: "b", line: 7, text: "write failed: No space left on device" }] });
    const rejected = resolve(wizards(), { start: "p", answers: [], evidence: [{ cause: "a", line: 1, text: "No space left on device" }] });
    expect(rejected.ok && rejected.state).toEqual({ start: "p", answers: [] });
    // Reached from a menu, the problem was not the start: the log settles nothing.
    const viaMenu = resolve(wizards(), { start: "triage", answers: ["docker", "p"], evidence: [line] });
    expect(viaMenu.ok && [at(viaMenu), viaMenu.state]).toEqual(["check a", { start: "triage", answers: ["docker", "p"] }]);
  });

  it("offers each step's answers, and settles a cause by how the user answered", () => {
    const keys = (w: Walk) => w.options.map((o) => `${o.key}:${o.label}`);
    expect(keys(walk("p"))).toEqual(["y:是", "n:否", "u:不确定"]);
    expect(keys(walk("p", "y"))).toEqual(["y:解决了", "n:没有解决，继续排查其他原因"]);
    expect(keys(walk("p", "n", "n", "y"))).toEqual(["y:解决了", "n:没有解决"]);
    expect(walk("p", "y").statuses.get(causeKey("p", "a"))).toEqual({ state: "confirmed", by: "check" });
    expect(walk("p", "n").statuses.get(causeKey("p", "a"))).toEqual({ state: "ruled-out", by: "check" });
    const solved = walk("p", "y", "y");
    expect([at(solved), solved.options]).toEqual(["solved", []]);
    expect(solved.statuses.get(causeKey("p", "a"))).toEqual({ state: "solved", by: "check" });
    const failed = walk("p", "y", "n");
    expect(at(failed)).toBe("check b");
    expect(failed.statuses.get(causeKey("p", "a"))).toEqual({ state: "fix-failed", by: "check" });
    expect(walk("p", "u", "u").statuses.get(causeKey("p", "a"))).toEqual({ state: "unconfirmed", by: "check" });
    expect(walk("f", "p~a").statuses.get(causeKey("p", "a"))).toEqual({ state: "confirmed", by: "flow" });
    const unsolved = walk("p", "n", "n", "n");
    expect(keys(unsolved)).toEqual(["s:整理信息交给技术支持"]);
    expect(at(walk("p", "n", "n", "n", "s"))).toBe("support");
    expect(walk("p", "n", "n", "n", "s").options).toEqual([]);
    expect(keys(walk("g"))).toEqual(["n:没有解决我的问题"]);
  });

  it("counts the causes a path has not ruled out, failed or given up on", () => {
    const p = wizards().problems.get("p")!;
    expect(causesLeft(walk("p"), p)).toBe(3);
    expect(causesLeft(walk("p", "y"), p)).toBe(3);
    expect(causesLeft(walk("p", "y", "y"), p)).toBe(3);
    expect(causesLeft(walk("p", "n"), p)).toBe(2);
    expect(causesLeft(walk("p", "y", "n"), p)).toBe(2);
    expect(causesLeft(walk("p", "u", "u", "n"), p)).toBe(1);
  });

  it("names each step's wizard and question", () => {
    const named = (w: Walk) => [wizardTitle(w.position), questionOf(w.position)];
    expect(named(walk("triage"))).toEqual(["引导式排查", "你遇到了什么问题？"]);
    expect(named(walk("p"))).toEqual(["标题 p", "端口没有放行？"]);
    expect(named(walk("p", "y"))).toEqual(["标题 p", "按「原因 a」的解决办法处理后，问题解决了吗？"]);
    expect(named(walk("p", "y", "y"))).toEqual(["标题 p", "问题已解决"]);
    expect(named(walk("p", "n", "n", "n"))).toEqual(["标题 p", "「标题 p」的原因都看过了"]);
    expect(named(walk("g"))).toEqual(["标题 g", "「标题 g」解决你的问题了吗？"]);
    expect(named(walk("p", "n", "n", "n", "s"))).toEqual(["整理给技术支持的信息", "整理给技术支持的信息"]);
  });

  it("keeps the scope the path is in and the entries it opened, each once", () => {
    const docker = { by: "area", slug: "docker", label: "Docker 部署" };
    expect(walk("triage").scope).toBeNull();
    expect(walk("triage", "docker").scope).toEqual(docker);
    expect(walk("triage", systemKey("general")).scope).toEqual({ by: "system", slug: "general", label: "通用" });
    // Opening an entry moves to its area, also from a system's menu.
    expect(walk("triage", systemKey("general"), "p").scope).toEqual(docker);
    expect(walk("triage", systemKey("general"), "g").scope).toEqual(docker);
    expect(walk("p").visited).toEqual(["p"]);
    expect(walk("f", "s2", "g").visited).toEqual(["g"]);
    expect(walk("f", "s2", "g", "n").scope).toEqual(docker);
    expect(walk("f", "p~a", "n", "n").visited).toEqual(["p"]);
  });

  it("steps on with next(), and says how far a state is valid when it is not", () => {
    const w = wizards();
    expect(next(w, { start: "p", answers: ["n"] }, "y")).toEqual({ start: "p", answers: ["n", "y"] });
    expect(next(w, { start: "p", answers: [] }, "s")).toBeNull();
    expect(next(w, { start: "nowhere", answers: [] }, "y")).toBeNull();
    expect(resolve(w, { start: "p", answers: ["y", "y", "y"] })).toEqual({ ok: false, reason: "past-the-end", validUpTo: { start: "p", answers: ["y", "y"] } });
    expect(resolve(w, { start: "p", answers: ["n", "x", "y"] })).toEqual({ ok: false, reason: "unknown-answer", validUpTo: { start: "p", answers: ["n"] } });
    expect(resolve(w, { start: "nowhere", answers: [] })).toEqual({ ok: false, reason: "unknown-start", validUpTo: null });
    // Each step of the trail links back to the state that shows it.
    expect(walk("p", "n", "u").trail.map((t) => [t.state?.answers, t.answer.key, t.fromLog])).toEqual([
      [[], "n", null],
      [["n"], "u", null],
    ]);
  });
});

describe("a system's menu", () => {
  let mixed: TempContent;
  let mixedGraph: KnowledgeGraph;
  const entry = (id: string, system: string) =>
    `---\nid: ${id}\nkind: problem\ntitle: 标题 ${id}\nsummary: 摘要。\nsystem: ${system}\narea: docker\nsignatures: ['${id} 服务启动失败：端口被占用']\nupstream: [S000-8]\nupdated: 2026-11-21\n---\n\n## 原因：原因 a {#a}\n\n### 检查\n\n问题 ${id}？\n\n### 解决\n\n处理。\n`;
  const flow = (id: string, targets: string[]) =>
    `---\nid: ${id}\ntitle: 流程 ${id}\nsummary: 摘要。\narea: docker\nupdated: 2026-11-21\n---\n\n## 哪一个？ {#s1}\n\n${targets.map((t) => `- [去 ${t}](/entry/${t})`).join("\n")}\n`;

  beforeAll(async () => {
    mixed = await tempContent();
    await mixed.write("docker/q.md", entry("q", "general"));
    await mixed.write("docker/r.md", entry("r", "gptlink"));
    await writeFile(path.join(mixed.dir, "upstream.yml"), "documents:\n  - prefix: S000\n    slug: gptlink-faq\n    title: gptlink 常见问题\nproblems:\n  - id: S000-8\n    summary: 服务器错误\n");
    await mixed.writeRoot("wizards/both.md", flow("both", ["q", "r"]));
    await mixed.writeRoot("wizards/only-r.md", flow("only-r", ["r"]));
    const built = await buildContent(mixed.dir);
    if (!built.graph) throw new Error(built.files.flatMap((f) => f.messages.map(String)).join("\n"));
    mixedGraph = built.graph;
  });
  afterAll(async () => mixed.remove());

  it("offers the flows whose every entry is in that system, the area's menu all of them", () => {
    const w = buildWizardGraph(mixedGraph);
    const keys = (id: string) => w.nodes.get(id)?.options.map((o) => o.key);
    expect(keys("system/gptlink")).toEqual(["only-r", "r", NONE_KEY]);
    expect(keys("system/general")).toEqual(["q", NONE_KEY]);
    expect(keys("area/docker")).toEqual(["both", "only-r", "q", "r", NONE_KEY]);
  });
});
