import { describe, expect, it } from "vitest";
import { summaryAsMarkdown, summaryAsText, type Summary } from "@/wizard/summary-format";

/** The two formats of the summary for support, whole, on a made-up summary (summary.test.ts builds real ones). */
const full: Summary = {
  url: "https://kb/w/p/n",
  entries: [
    { title: "问题 P", url: "https://kb/entry/p" },
    { title: "指南 G", url: "https://kb/entry/g" },
  ],
  answers: [
    { question: "端口放行了吗？", answer: "否", fromLog: null },
    { question: "磁盘满了吗？", answer: "是", fromLog: "日志第 3 行：No space left on device" },
  ],
  causes: [
    { title: "端口", url: "https://kb/entry/p#cause-a", problem: "p", verdict: "ruled-out" },
    { title: "磁盘", url: "https://kb/entry/p#cause-b", problem: "p", verdict: "fix-failed" },
  ],
  related: [{ title: "相关 R", url: "https://kb/entry/r" }],
  diagnostics: [
    { command: "docker ps -a", note: "所有容器" },
    { command: "df -h", note: "磁盘" },
  ],
};
const bare: Summary = { ...full, entries: [], answers: [], causes: [], related: [], diagnostics: [] };
// Notes are trimmed; the output keeps its indentation but not its trailing blank lines, and a pasted fence cannot close the block.
const user = { notes: "  升级后开始  \n", output: "  line1\n```\nline2\n\n  " };

describe("the summary as text", () => {
  it("lists every section, then the user's notes and output", () => {
    expect(summaryAsText(full, user).split("\n")).toEqual([
      "【排障记录】",
      "向导链接：https://kb/w/p/n",
      "",
      "排查的问题：",
      "- 问题 P：https://kb/entry/p",
      "- 指南 G：https://kb/entry/g",
      "",
      "回答过的问题：",
      "1. 端口放行了吗？ —— 否",
      "2. 磁盘满了吗？ —— 是（日志第 3 行：No space left on device）",
      "",
      "原因逐个核对的结果：",
      "- [已排除] 端口：https://kb/entry/p#cause-a",
      "- [按解决办法处理过，没有解决] 磁盘：https://kb/entry/p#cause-b",
      "",
      "相关条目：",
      "- 相关 R：https://kb/entry/r",
      "",
      "需要收集的诊断信息：",
      "$ docker ps -a    # 所有容器",
      "$ df -h    # 磁盘",
      "",
      "补充说明：",
      "升级后开始",
      "",
      "命令输出：",
      "  line1",
      "ˋˋˋ",
      "line2",
    ]);
  });

  it("leaves out empty sections and blank notes", () => {
    expect(summaryAsText(bare, { notes: "  ", output: " \n" })).toBe("【排障记录】\n向导链接：https://kb/w/p/n\n\n回答过的问题：\n\n需要收集的诊断信息：");
  });
});

describe("the summary as Markdown", () => {
  it("lists every section, the commands and the output in fenced blocks", () => {
    expect(summaryAsMarkdown(full, user).split("\n")).toEqual([
      "## 排障记录",
      "",
      "- 向导链接：<https://kb/w/p/n>",
      "- 排查的问题：[问题 P](https://kb/entry/p)",
      "- 排查的问题：[指南 G](https://kb/entry/g)",
      "",
      "### 回答过的问题",
      "",
      "1. 端口放行了吗？ **否**",
      "2. 磁盘满了吗？ **是**（日志第 3 行：No space left on device）",
      "",
      "### 原因逐个核对的结果",
      "",
      "- **已排除**：[端口](https://kb/entry/p#cause-a)",
      "- **按解决办法处理过，没有解决**：[磁盘](https://kb/entry/p#cause-b)",
      "",
      "### 相关条目",
      "",
      "- [相关 R](https://kb/entry/r)",
      "",
      "### 需要收集的诊断信息",
      "",
      "```bash",
      "# 所有容器",
      "docker ps -a",
      "# 磁盘",
      "df -h",
      "```",
      "",
      "### 补充说明",
      "",
      "升级后开始",
      "",
      "### 命令输出",
      "",
      "```text",
      "  line1",
      "ˋˋˋ",
      "line2",
      "```",
    ]);
  });

  it("leaves out empty sections and blank notes", () => {
    expect(summaryAsMarkdown(bare, { notes: "  ", output: " \n" })).toBe("## 排障记录\n\n- 向导链接：<https://kb/w/p/n>\n\n### 回答过的问题\n\n\n### 需要收集的诊断信息\n\n```bash\n```");
  });
});
