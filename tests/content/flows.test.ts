import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildContent } from "@/content";
import { formatMessages } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
  await tree.write(
    "docker/real-problem.md",
    `---\nid: real-problem\nkind: problem\ntitle: 问题\nsummary: 摘要。\nsystem: general\narea: docker\nsignatures: [测试报错 E1234]\nupstream: [S000-8]\nupdated: 2026-11-21\n---\n\n## 原因：端口 {#port}\n\n### 检查\n\n端口没有放行？\n\n### 解决\n\n放行。\n`,
  );
});
afterEach(async () => tree.remove());

async function flowMessages(name: string, body: string): Promise<string[]> {
  const dir = path.join(tree.dir, "wizards");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${name}.md`), `---\nid: ${name}\ntitle: 流程\nsummary: 摘要。\narea: docker\nupdated: 2026-11-21\n---\n${body}`);
  const result = await buildContent(tree.dir);
  return formatMessages(result.files.filter((f) => f.path.includes("/wizards/")), tree.dir);
}

describe("authored flows", () => {
  it("take an answer linked to a cause as settling it: no repeated-question warning", async () => {
    // 「放行了」 rules the cause out (its sibling confirms it), 「没有」 confirms it: the check is never asked.
    const messages = await flowMessages("settled", "\n## 端口放行了没有？ {#a}\n\n- [没有](/entry/real-problem#cause-port)\n- [放行了](/entry/real-problem)\n- [不确定](/entry/real-problem#cause-port)\n");
    expect(messages).toEqual([]);
  });

  it("accept a valid flow and expose it on the graph", async () => {
    const messages = await flowMessages("good-flow", "\n## 容器在运行吗？ {#running}\n\n- [是](#logs)\n- [否](/entry/real-problem)\n\n## 日志里有报错吗？ {#logs}\n\n- [有](/entry/real-problem#cause-port)\n- [没有](/entry/real-problem)\n");
    expect(messages).toEqual([]);
  });

  it.each([
    ["an unknown step", "\n## 问？ {#a}\n\n- [去](#nowhere)\n", "wizards/bad.md:11:1  error  Option leads to an unknown step `#nowhere`  [flow-target-unknown-step]"],
    ["an unknown entry", "\n## 问？ {#a}\n\n- [去](/entry/ghost)\n", "wizards/bad.md:11:1  error  Option leads to an unknown entry `ghost`  [flow-target-unknown-entry]"],
    ["an unknown cause", "\n## 问？ {#a}\n\n- [去](/entry/real-problem#cause-ghost)\n", "wizards/bad.md:11:1  error  Option leads to an unknown cause `ghost` of entry `real-problem`  [flow-target-unknown-cause]"],
    ["an unreachable step", "\n## 问？ {#a}\n\n- [去](/entry/real-problem)\n\n## 孤立？ {#b}\n\n- [去](/entry/real-problem)\n", "wizards/bad.md:13:1  error  Step `b` cannot be reached from the first step  [flow-step-unreachable]"],
    ["a cycle", "\n## 问？ {#a}\n\n- [去](#b)\n\n## 再问？ {#b}\n\n- [回](#a)\n", "wizards/bad.md:9:1  error  Steps form a cycle: a → b → a  [flow-cycle]"],
    ["a step with no way forward", "\n## 问？ {#a}\n\n只有说明。\n", "wizards/bad.md:9:1  error  Step `a` has no way forward  [flow-step-no-options]"],
    ["an option with an empty label", "\n## 问？ {#a}\n\n- [](/entry/real-problem)\n", "wizards/bad.md:11:1  error  An option has an empty label  [flow-option-empty]"],
    ["an option that is not a link", "\n## 问？ {#a}\n\n- 是\n", "wizards/bad.md:11:1  error  An option must be exactly one link  [flow-option-invalid]"],
    ["a step without an id", "\n## 问？\n\n- [去](/entry/real-problem)\n", "wizards/bad.md:9:1  error  Step `问？` has no id  [flow-step-id-missing]"],
    ["an id taken by an entry", "\n## 问？ {#a}\n\n- [去](/entry/real-problem)\n", "wizards/real-problem.md:2:1  error  Flow id `real-problem` is also an entry id  [flow-id-taken]"],
    [
      "two options that lead to the same place",
      "\n## 问？ {#a}\n\n- [是](#b)\n- [不确定](#b)\n\n## 再问？ {#b}\n\n- [去](/entry/real-problem)\n",
      "wizards/bad.md:12:1  error  Option `不确定` leads to the same place as `是`  [flow-options-same-place]",
    ],
    [
      "a question the problem's wizard asks again",
      "\n## 端口放行了没有？ {#a}\n\n- [放行了](/entry/real-problem)\n- [没有放行，而且不确定怎么看](#b)\n\n## 再问？ {#b}\n\n- [去](/entry/real-problem)\n",
      "wizards/bad.md:9:1  warning  `端口放行了没有？` is asked again on the same path, by the check of `real-problem#port`  [flow-question-repeated]",
    ],
    [
      "a question asked again by a later step",
      "\n## 容器在运行吗？ {#a}\n\n- [去](#b)\n\n## 容器是在运行吗？ {#b}\n\n- [去](/entry/real-problem#cause-port)\n",
      "wizards/bad.md:9:1  warning  `容器在运行吗？` is asked again on the same path, by step `b`  [flow-question-repeated]",
    ],
  ])("report %s with its place", async (name, body, expected) => {
    const messages = await flowMessages(name === "an id taken by an entry" ? "real-problem" : "bad", body);
    expect(messages, messages.join("\n")).toContain(expected);
  });
});
