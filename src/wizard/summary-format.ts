import { maskSecrets } from "@/search/secrets";

/**
 * The summary for support as plain text (a chat group) and Markdown (a ticket). Pure and free of
 * server code, so the page can rebuild it in the browser as the user types notes and command
 * output; those never leave the page, and are masked like search input before they are shown.
 */
export interface SummaryLink {
  readonly title: string;
  readonly url: string;
}

export type CauseVerdict = "ruled-out" | "fix-failed" | "unconfirmed" | "confirmed" | "solved" | "open";

export interface Summary {
  /** Absolute link to this point of the wizard. */
  readonly url: string;
  readonly entries: readonly SummaryLink[];
  readonly answers: readonly { readonly question: string; readonly answer: string; readonly fromLog: string | null }[];
  readonly causes: readonly (SummaryLink & { readonly problem: string; readonly verdict: CauseVerdict })[];
  readonly related: readonly SummaryLink[];
  readonly diagnostics: readonly { readonly command: string; readonly note: string }[];
}

export interface UserNotes {
  readonly notes?: string;
  readonly output?: string;
}

export const VERDICT_LABEL: Record<CauseVerdict, string> = {
  "ruled-out": "已排除",
  "fix-failed": "按解决办法处理过，没有解决",
  unconfirmed: "未确认",
  confirmed: "已确认，还没处理完",
  solved: "已解决",
  open: "没有检查",
};

export function summaryAsText(summary: Summary, user: UserNotes = {}): string {
  const lines = ["【排障记录】", `向导链接：${summary.url}`];
  if (summary.entries.length > 0) {
    lines.push("", "排查的问题：");
    for (const e of summary.entries) lines.push(`- ${e.title}：${e.url}`);
  }
  lines.push("", "回答过的问题：");
  summary.answers.forEach((a, i) => lines.push(`${i + 1}. ${a.question} —— ${a.answer}${a.fromLog ? `（${a.fromLog}）` : ""}`));
  if (summary.causes.length > 0) {
    lines.push("", "原因逐个核对的结果：");
    for (const c of summary.causes) lines.push(`- [${VERDICT_LABEL[c.verdict]}] ${c.title}：${c.url}`);
  }
  if (summary.related.length > 0) {
    lines.push("", "相关条目：");
    for (const r of summary.related) lines.push(`- ${r.title}：${r.url}`);
  }
  lines.push("", "需要收集的诊断信息：");
  for (const d of summary.diagnostics) lines.push(`$ ${d.command}    # ${d.note}`);
  appendUser(lines, user, (title) => ["", `${title}：`], (body) => [body]);
  return maskSecrets(lines.join("\n"));
}

export function summaryAsMarkdown(summary: Summary, user: UserNotes = {}): string {
  const lines = ["## 排障记录", "", `- 向导链接：<${summary.url}>`];
  for (const e of summary.entries) lines.push(`- 排查的问题：[${e.title}](${e.url})`);
  lines.push("", "### 回答过的问题", "");
  summary.answers.forEach((a, i) => lines.push(`${i + 1}. ${a.question} **${a.answer}**${a.fromLog ? `（${a.fromLog}）` : ""}`));
  if (summary.causes.length > 0) {
    lines.push("", "### 原因逐个核对的结果", "");
    for (const c of summary.causes) lines.push(`- **${VERDICT_LABEL[c.verdict]}**：[${c.title}](${c.url})`);
  }
  if (summary.related.length > 0) {
    lines.push("", "### 相关条目", "");
    for (const r of summary.related) lines.push(`- [${r.title}](${r.url})`);
  }
  lines.push("", "### 需要收集的诊断信息", "", "```bash");
  for (const d of summary.diagnostics) lines.push(`# ${d.note}`, d.command);
  lines.push("```");
  appendUser(lines, user, (title) => ["", `### ${title}`, ""], (body, fenced) => (fenced ? ["```text", body, "```"] : [body]));
  return maskSecrets(lines.join("\n"));
}

function appendUser(lines: string[], user: UserNotes, heading: (title: string) => string[], body: (text: string, fenced: boolean) => string[]): void {
  const notes = user.notes?.trim();
  const output = user.output?.replace(/\s+$/, "");
  if (notes) lines.push(...heading("补充说明"), ...body(notes, false));
  if (output) lines.push(...heading("命令输出"), ...body(output.replace(/```/g, "ˋˋˋ"), true));
}
