import { entryUrl } from "@/urls";
import Link from "next/link";
import { CopyButton } from "@/components/CopyButton";
import type { KnowledgeGraph } from "@/content/graph";
import type { TrailItem } from "@/wizard/engine";
import type { Step } from "@/wizard/model";
import { summarize, summaryAsMarkdown, summaryAsText } from "@/wizard/summary";

/** The end of a path that did not solve the problem: what to hand to support, ready to copy. */
export function UnsolvedSummary({ graph, trail, step, url }: { graph: KnowledgeGraph; trail: readonly TrailItem[]; step: Step; url: string }) {
  const summary = summarize(graph, trail, step);
  const text = summaryAsText(summary, url);
  const markdown = summaryAsMarkdown(summary, url);
  return (
    <section className="unsolved" aria-labelledby="unsolved-title">
      <h2 id="unsolved-title">整理给技术支持的信息</h2>
      <p>把下面的记录和诊断命令的输出一起发到工单或群里，对方不用再从头问起。</p>
      <h3>你的回答</h3>
      <ol className="answers-list">
        {summary.answers.map((a, i) => (
          <li key={i}>
            {a.question} <strong>{a.answer}</strong>
          </li>
        ))}
      </ol>
      {summary.fixesTried.length > 0 ? (
        <>
          <h3>试过的解决办法</h3>
          <ul>
            {summary.fixesTried.map((f) => (
              <li key={`${f.entryId}#${f.causeId}`}>
                <Link href={entryUrl(f.entryId, f.causeId)}>{f.causeTitle}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>收集诊断信息</h3>
      <ul className="diagnostics">
        {summary.diagnostics.map((d) => (
          <li key={`${d.system}:${d.command}`}>
            <code>{d.command}</code> <span className="muted">{d.note}</span>
          </li>
        ))}
      </ul>
      <div className="summary-copies">
        <div className="code-block">
          <span className="code-lang">纯文本（发到群里）</span>
          <pre tabIndex={0}>{text}</pre>
          <CopyButton text={text} label="复制纯文本记录" />
        </div>
        <div className="code-block">
          <span className="code-lang">Markdown（贴到工单）</span>
          <pre tabIndex={0}>{markdown}</pre>
          <CopyButton text={markdown} label="复制 Markdown 记录" />
        </div>
      </div>
    </section>
  );
}
