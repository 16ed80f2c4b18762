import { absoluteUrl, env } from "@/config/env";
import type { KnowledgeGraph } from "@/content/graph";
import type { Walk } from "@/wizard/engine";
import { summarize } from "@/wizard/summary";
import { VERDICT_LABEL } from "@/wizard/summary-format";
import { SummaryEditor } from "./SummaryEditor";

/** The end of a path that did not solve the problem: what to hand to support, ready to copy and send. */
export function SupportSummary({ graph, walk, here }: { graph: KnowledgeGraph; walk: Walk; here: string }) {
  const summary = summarize(graph, walk, absoluteUrl(here), absoluteUrl);
  const { SUPPORT_URL, SUPPORT_EMAIL } = env();
  return (
    <section className="support" aria-labelledby="support-title">
      <h2 id="support-title">记录里有什么</h2>
      <p>把下面的记录和诊断命令的输出一起发给技术支持，对方不用再从头问起。</p>
      {summary.causes.length > 0 ? (
        <>
          <h3>原因逐个核对的结果</h3>
          <ul className="verdicts">
            {summary.causes.map((c) => (
              <li key={`${c.problem}#${c.url}`}>
                <span className={`verdict verdict-${c.verdict}`}>{VERDICT_LABEL[c.verdict]}</span> <a href={c.url}>{c.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>收集诊断信息</h3>
      <ul className="diagnostics">
        {summary.diagnostics.map((d) => (
          <li key={d.command}>
            <code>{d.command}</code> <span className="muted">{d.note}</span>
          </li>
        ))}
      </ul>
      <SummaryEditor summary={summary} destination={{ url: SUPPORT_URL ?? null, email: SUPPORT_EMAIL ?? null }} />
      <p className="muted">记录里的链接都是完整地址，在群聊或工单里也能直接打开。</p>
    </section>
  );
}
