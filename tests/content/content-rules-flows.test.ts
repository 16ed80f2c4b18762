import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { formatMessages } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

/** The content rules apply to authored flows too: a flow shows commands and asks questions like an entry does. */
let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
  await tree.write(
    "docker/real-problem.md",
    `---\nid: real-problem\nkind: problem\ntitle: 问题\nsummary: 摘要。\nsystem: general\narea: docker\nsignatures: [测试报错 E1234]\nupstream: [S000-8]\nupdated: 2026-11-21\n---\n\n## 原因：端口 {#port}\n\n### 检查\n\n端口没有放行？\n\n### 解决\n\n放行。\n`,
  );
});
afterEach(async () => tree.remove());

async function flowMessages(body: string, summary = "摘要。"): Promise<string[]> {
  const dir = path.join(tree.dir, "wizards");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "flow.md"), `---\nid: flow\ntitle: 流程\nsummary: ${summary}\narea: docker\nupdated: 2026-11-21\n---\n${body}`);
  const result = await buildContent(tree.dir);
  return formatMessages(result.files.filter((f) => f.path.includes("/wizards/")), tree.dir).filter((l) => !l.startsWith("    "));
}

describe("content rules on authored flows", () => {
  it("accept a step that asks whether all is well: its options say what each answer means", async () => {
    expect(await flowMessages("\n## 容器在运行吗？ {#a}\n\n- [在运行](/entry/real-problem)\n- [没有](/entry/real-problem#cause-port)\n")).toEqual([]);
  });

  it("flag a negated step question at its heading", async () => {
    expect(await flowMessages("\n## 地址是不是没有写成 `https://`？ {#a}\n\n- [是](/entry/real-problem)\n")).toEqual([
      "wizards/flow.md:9:1  error  Step `a` is a negated question (`是不是没有`): 是 and 否 can each be read both ways  [question-negated]",
    ]);
  });

  it("flag upstream values, unsafe placeholders and unwarned commands in a step's body", async () => {
    const body = "\n## 能连通吗？ {#a}\n\n在服务器上执行：\n\n```bash\ncurl https://photogooo.com/ && docker cp <文件> x:/ && iptables -F\n```\n\n- [能](/entry/real-problem)\n";
    expect(await flowMessages(body, "切到 https://photogooo.com 后失败。")).toEqual([
      "wizards/flow.md:4:1  error  `photogooo.com` is the upstream project's own domain, written as if it were the reader's  [example-unmarked]",
      "wizards/flow.md:14:14  error  Command uses `photogooo.com`, the upstream project's own value  [example-in-command]",
      "wizards/flow.md:14:42  error  Placeholder `<文件>` in a shell command: the shell reads `<` and `>` as redirections  [placeholder-in-shell]",
      "wizards/flow.md:14:54  error  `iptables -F` removes every firewall rule (including Docker's), but no warning block comes before it  [dangerous-without-warning]",
    ]);
  });
});
