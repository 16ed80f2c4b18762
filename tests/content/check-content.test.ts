import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { formatMessages } from "@/content/report";
import { tempContent, type TempContent } from "../helpers/content-tree";

/**
 * The content rules of remark-check-content where a fixture shows only one case: which parts of an
 * entry or flow tell the reader to act (a step that resets a secret is flagged only there), the
 * place of a finding on a later line of a paragraph, what counts as a warning and as an example
 * mark, links, signatures under a cause, and checks with inline code or a polarity mark.
 */
let tree: TempContent;
beforeEach(async () => {
  tree = await tempContent();
});
afterEach(async () => tree.remove());

const FRONT = "system: general\narea: docker\nupstream: [S000-8]\nupdated: 2026-11-21";

async function messages(file: string, text: string): Promise<string[]> {
  await tree.writeRoot(file, text);
  const result = await buildContent(tree.dir);
  return formatMessages(result.files.filter((f) => f.path.endsWith(file)), tree.dir)
    .filter((l) => !l.startsWith("    "))
    .map((l) => l.replace(`${file}:`, ""));
}

const problem = (body: string, extra = "") =>
  messages("entries/docker/p.md", `---\nid: p\nkind: problem\ntitle: 问题\nsummary: 摘要。\nsignatures: [测试报错 E1234]\n${extra}${FRONT}\n---\n\n${body}`);
const question = (body: string) => messages("entries/docker/q.md", `---\nid: q\nkind: question\ntitle: 问题\nsummary: 摘要。\n${FRONT}\n---\n\n${body}`);

const RESET = "重置 AppSecret";
const reset = (line: number, column: number) =>
  `${line}:${column}  error  \`${RESET}\` resets a secret that other systems may share, but no warning block comes before it  [dangerous-without-warning]`;

describe("a step that resets a secret", () => {
  it("is flagged in a problem's fix only, not in its description, check or notes", async () => {
    const body = `## 原因：密钥错了 {#secret}\n\n可能有人${RESET}了。\n\n### 检查\n\n最近有人${RESET}吗？\n\n### 解决\n\n${RESET}。\n\n## 说明\n\n不要随手${RESET}。\n`;
    expect(await problem(body)).toEqual([reset(23, 1)]);
  });

  it("is flagged anywhere in a question's intro and sections", async () => {
    expect(await question(`先${RESET}。\n\n## 回答\n\n可以${RESET}。\n`)).toEqual([reset(12, 2), reset(16, 3)]);
  });

  it("is flagged in a flow's steps but not in its introduction", async () => {
    await tree.write("docker/real.md", `---\nid: real\nkind: question\ntitle: 问题\nsummary: 摘要。\n${FRONT}\n---\n\n## 回答\n\n可以。\n`);
    const flow = `---\nid: flow\ntitle: 流程\nsummary: 摘要。\narea: docker\nupdated: 2026-11-21\n---\n\n有人会${RESET}。\n\n## 能连通吗？ {#a}\n\n${RESET}。\n\n- [能](/entry/real)\n`;
    expect(await messages("wizards/flow.md", flow)).toEqual([reset(13, 1)]);
  });

  it("is placed on the paragraph's later line, also inside a list item", async () => {
    expect(await question(`## 回答\n\n先备份。\n然后${RESET}。\n\n- 第一步：备份\n  再${RESET}\n`)).toEqual([reset(15, 3), reset(18, 4)]);
  });

  it("is warned by a warning block earlier in the same section, across a smaller heading", async () => {
    expect(await question(`## 回答\n\n> [!warning]\n> 会影响其他系统。\n\n#### 步骤\n\n${RESET}。\n`)).toEqual([]);
    expect(await question(`## 回答\n\n> 注意：会影响其他系统。\n\n${RESET}。\n`)).toEqual([reset(16, 1)]);
    expect(await question(`## 说明\n\n> [!WARNING]\n> 会影响其他系统。\n\n## 回答\n\n${RESET}。\n`)).toEqual([reset(19, 1)]);
  });
});

describe("upstream values", () => {
  const unmarked = (place: string, value: string, what: string) =>
    `${place}  error  \`${value}\` is the upstream project's own ${what}, written as if it were the reader's  [example-unmarked]`;

  it("in a link's address are flagged at the link unless its paragraph says 示例", async () => {
    expect(await question("## 回答\n\n见 [文档](https://photogooo.com/docs)。\n\n示例：[文档](https://photogooo.com/docs)。\n")).toEqual([
      unmarked("14:3", "photogooo.com", "domain"),
    ]);
  });

  it("are marked by 示例 anywhere in their paragraph, also around emphasis, and named by what they are", async () => {
    expect(await question("## 回答\n\n示例：**photogooo.com** 上的 aistudio。\n\n调用 /api/user/visit 接口。\n")).toEqual([
      unmarked("16:4", "/api/user/visit", "API path"),
    ]);
  });

  it("in the title are flagged at its key", async () => {
    const text = `---\nid: q\nkind: question\ntitle: 打不开 photogooo.com\nsummary: 摘要。\n${FRONT}\n---\n\n## 回答\n\n可以。\n`;
    expect(await messages("entries/docker/q.md", text)).toEqual([unmarked("4:1", "photogooo.com", "domain")]);
  });
});

describe("signatures", () => {
  it("written as numbers or under a cause's 特征 are judged like the others, at their place", async () => {
    const body = "## 原因：端口 {#port}\n\n### 特征\n\n- Connection refused\n\n### 检查\n\n防火墙还没有放行 443？\n\n### 解决\n\n放行。\n";
    const lines = await messages(
      "entries/docker/p.md",
      `---\nid: p\nkind: problem\ntitle: 问题\nsummary: 摘要。\nsignatures: [测试报错 E1234, 502]\n${FRONT}\n---\n\n${body}`,
    );
    expect(lines.map((l) => l.replace(/ {2}error .*\[/, " ["))).toEqual(["6:26 [signature-bare-code]", "17:1 [signature-generic]"]);
  });
});

describe("check questions", () => {
  const check = (question: string, extra = "") => problem(`## 原因：端口 {#port}\n\n### 检查\n\n${question}\n\n### 解决\n\n放行。\n`, extra);

  it("read inline code as quoted screen text, not as the question's own negation", async () => {
    expect(await check("日志里是否出现 `没有权限` 字样？")).toEqual([]);
  });

  it("that a polarity mark confirms are not flagged", async () => {
    expect(await check("端口是否已经放行？", "polarity:\n  port: yes-is-fault\n")).toEqual([]);
  });

  it("that are not a paragraph are reported once, as not a question", async () => {
    expect((await check("- 端口没有放行？")).map((l) => l.replace(/ {2}error .*\[/, " ["))).toEqual(["17:1 [check-not-question]"]);
  });
});

describe("flows", () => {
  it("judge a step's question by the heading's words", async () => {
    await tree.write("docker/real.md", `---\nid: real\nkind: question\ntitle: 问题\nsummary: 摘要。\n${FRONT}\n---\n\n## 回答\n\n可以。\n`);
    const flow = "---\nid: flow\ntitle: 流程\nsummary: 摘要。\narea: docker\nupdated: 2026-11-21\n---\n\n## 是不是没有写成 **https**？ {#a}\n\n- [是](/entry/real)\n";
    expect(await messages("wizards/flow.md", flow)).toEqual([
      "9:1  error  Step `a` is a negated question (`是不是没有`): 是 and 否 can each be read both ways  [question-negated]",
    ]);
  });
});
