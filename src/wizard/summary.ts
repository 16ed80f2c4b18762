import { entryUrl } from "@/urls";
import type { KnowledgeGraph } from "@/content/graph";
import { getSystem } from "@/content/graph";
import type { Diagnostic } from "@/content/schema";
import { maskSecrets } from "@/search/secrets";
import type { TrailItem } from "./engine";
import type { Step } from "./model";

/**
 * What a user takes to support when the wizard ends unsolved: every question with their answer,
 * the fixes they tried, the entries involved, and the commands that collect diagnostics for the
 * systems on the path — as plain text for a chat group and as Markdown for a ticket.
 */
export interface Summary {
  readonly answers: readonly { question: string; answer: string; wizard: string }[];
  readonly fixesTried: readonly { entryId: string; causeId: string; causeTitle: string }[];
  readonly entryIds: readonly string[];
  readonly diagnostics: readonly (Diagnostic & { system: string })[];
}

export function summarize(graph: KnowledgeGraph, trail: readonly TrailItem[], end: Step): Summary {
  const answers = trail.map(({ step, option }) => ({ question: step.question, answer: option.label, wizard: step.wizard.title }));
  const fixesTried = trail.flatMap(({ step }) =>
    step.kind === "fix" ? [{ entryId: step.entryId, causeId: step.causeId, causeTitle: step.causeTitle }] : [],
  );
  const entryIds = [
    ...new Set([...trail.map(({ step }) => step), end].flatMap((s) => ("entryId" in s && s.entryId ? [s.entryId] : []))),
  ];
  const systems = [...new Set(entryIds.map((id) => graph.byId.get(id)?.system).filter((s): s is string => Boolean(s)))];
  if (systems.length === 0) systems.push("general");
  const diagnostics = systems.flatMap((slug) => (getSystem(graph, slug)?.diagnostics ?? []).map((d) => ({ ...d, system: slug })));
  return { answers, fixesTried, entryIds, diagnostics };
}

export function summaryAsText(summary: Summary, url: string): string {
  const lines = ["【排障记录】", `链接：${url}`, "", "回答过的问题："];
  summary.answers.forEach((a, i) => lines.push(`${i + 1}. ${a.question} —— ${a.answer}`));
  if (summary.fixesTried.length > 0) {
    lines.push("", "试过的解决办法：");
    for (const f of summary.fixesTried) lines.push(`- ${f.causeTitle}（${entryUrl(f.entryId, f.causeId)}）`);
  }
  lines.push("", `相关条目：${summary.entryIds.join("、") || "无"}`, "", "已收集的诊断信息（请附上输出）：");
  for (const d of summary.diagnostics) lines.push(`$ ${d.command}    # ${d.note}`);
  return maskSecrets(lines.join("\n"));
}

export function summaryAsMarkdown(summary: Summary, url: string): string {
  const lines = ["## 排障记录", "", `- 向导链接：${url}`, `- 相关条目：${summary.entryIds.map((id) => `\`${id}\``).join("、") || "无"}`, "", "### 回答过的问题", ""];
  summary.answers.forEach((a, i) => lines.push(`${i + 1}. ${a.question} **${a.answer}**`));
  if (summary.fixesTried.length > 0) {
    lines.push("", "### 试过的解决办法", "");
    for (const f of summary.fixesTried) lines.push(`- [${f.causeTitle}](${entryUrl(f.entryId, f.causeId)})`);
  }
  lines.push("", "### 诊断信息", "", "```bash");
  for (const d of summary.diagnostics) lines.push(`# ${d.note}`, d.command);
  lines.push("```");
  return maskSecrets(lines.join("\n"));
}
