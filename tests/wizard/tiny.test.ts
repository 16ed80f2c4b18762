import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildWizardGraph, NONE_KEY, systemKey } from "@/wizard/build";
import { resolve, type Walk } from "@/wizard/engine";
import type { WizardGraph } from "@/wizard/model";
import { validateWizardGraph } from "@/wizard/validate";
import { tempContent, type TempContent } from "../helpers/content-tree";

/** The engine on a made-up tree: one problem with three causes, one guide, one flow. */
let tree: TempContent;
let wizards: WizardGraph;
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
    "---\nid: f\ntitle: 流程 f\nsummary: 摘要。\narea: docker\nupdated: 2026-11-21\n---\n\n## 防火墙开着吗？ {#s1}\n\n- [开着](/entry/p#cause-a)\n- [关着](#s2)\n- [不确定](/entry/p#cause-a)\n\n## 看到 No space left on device 了吗？ {#s2}\n\n- [看到了](/entry/p#cause-b)\n- [没有](/entry/p)\n",
  );
  const { graph, files } = await buildContent(tree.dir);
  if (!graph) throw new Error(files.flatMap((f) => f.messages.map(String)).join("\n"));
  wizards = buildWizardGraph(graph);
});
afterAll(async () => tree.remove());

const walk = (start: string, ...answers: string[]): Walk => {
  const w = resolve(wizards, { start, answers });
  if (!w.ok) throw new Error(`${start}/${answers.join("/")}: ${w.reason}`);
  return w;
};
const at = (w: Walk) => (w.position.kind === "check" ? `check ${w.position.cause.id}${w.position.again ? " again" : ""}` : w.position.kind === "fix" ? `fix ${w.position.cause.id}` : w.position.kind === "choice" ? w.position.node.id : w.position.kind);

describe("the engine on a tiny tree", () => {
  it("is valid", () => expect(validateWizardGraph(wizards)).toEqual([]));

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

  it("goes on from any cause to the ones not yet settled, in order", () => {
    expect(at(walk("p~c", "n"))).toBe("check a");
    expect(at(walk("p~c", "n", "n"))).toBe("check b");
    expect(at(walk("p~c", "n", "n", "n"))).toBe("unsolved");
    expect(at(walk("p~b", "y", "n"))).toBe("check a");
  });

  it("answers a check from the log first, whatever the start", () => {
    const evidence = [{ cause: "b", line: 7, text: "write failed: No space left on device" }];
    const w = resolve(wizards, { start: "p~a", answers: [], evidence });
    expect(w.ok && at(w)).toBe("fix b");
    expect(w.ok && w.trail.map((t) => [t.fromLog?.line, t.answer.label])).toEqual([[7, "是"]]);
    const after = resolve(wizards, { start: "p~a", answers: ["n"], evidence });
    expect(after.ok && at(after)).toBe("check a");
  });
});
