import Link from "next/link";
import { Highlighted } from "@/components/Highlighted";
import { KIND_LABEL } from "@/components/labels";
import { SEARCH_CONFIG } from "@/search/config";
import type { SearchHit, SearchResponse } from "@/search/rank";
import { WIZARD_HOME } from "@/urls";

/**
 * The answer to a search: results, or a clear "nothing matched" with the way forward, and weaker
 * suggestions. Rendered by the page for a one-line search and by the log box after its POST; it
 * only ever receives a response to a prepared (cut and masked) query. `wizardHrefs` holds where
 * each result opens the wizard (../wizard-links.ts).
 */
export function SearchResults({ response, wizardHrefs }: { response: SearchResponse; wizardHrefs: readonly string[] }) {
  return (
    <section aria-labelledby="results-title" className="results">
      {response.truncated ? (
        <p className="notice">输入超过 {SEARCH_CONFIG.maxQueryBytes / 1024} KB，只搜索了最后 {SEARCH_CONFIG.maxQueryBytes / 1024} KB 的内容。</p>
      ) : null}
      {response.confident ? (
        <>
          <h2 id="results-title">
            找到 {response.results.length} 个匹配的条目
            {response.lines > 1 ? <span className="muted">（共检查了 {response.lines} 行日志）</span> : null}
          </h2>
          <ol className="result-list">
            {response.results.map((hit, i) => (
              <ResultCard key={hit.id} hit={hit} wizardHref={wizardHrefs[i] ?? WIZARD_HOME} />
            ))}
          </ol>
        </>
      ) : (
        <div className="no-match">
          <h2 id="results-title">没有找到足够匹配的条目</h2>
          <p>知识库里可能还没有这个问题，或者报错的关键部分没有包含在搜索内容里。可以试试：</p>
          <ul>
            <li>只粘贴报错那一行（例如带 <code>error</code>、<code>errcode</code>、<code>失败</code> 的行）；</li>
            <li>
              <Link href={WIZARD_HOME}>用引导式排查一步步定位问题</Link>；
            </li>
            <li>
              <Link href="/#areas">按领域浏览全部条目</Link>。
            </li>
          </ul>
        </div>
      )}
      {response.suggestions.length > 0 ? (
        <aside aria-labelledby="suggestions-title" className="suggestions">
          <h2 id="suggestions-title">{response.confident ? "其他可能相关的条目" : "可能相关（匹配度不高）"}</h2>
          <ul>
            {response.suggestions.map((hit) => (
              <li key={hit.id}>
                <Link href={hit.url}>{hit.title}</Link> <span className="muted">· {hit.areaLabel}</span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </section>
  );
}

function ResultCard({ hit, wizardHref }: { hit: SearchHit; wizardHref: string }) {
  return (
    <li className="result-card">
      <div className="result-head">
        <span className={`kind kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
        <Link href={hit.url} className="result-title">
          <Highlighted text={hit.title} terms={hit.matched} />
        </Link>
      </div>
      <p className="result-meta">
        {hit.areaLabel} · {hit.systemLabel}
        {hit.causeTitle ? (
          <>
            {" · "}最可能的原因：<Link href={hit.url}>{hit.causeTitle}</Link>
          </>
        ) : null}
      </p>
      {hit.kind === "problem" ? (
        <p className="result-wizard">
          <Link href={wizardHref}>{hit.cause ? "从这个原因开始逐步排查" : "逐步排查"}</Link>
        </p>
      ) : null}
      {hit.line !== undefined ? (
        <p className="result-line">
          第 {hit.line} 行：<code>{hit.lineText}</code>
        </p>
      ) : null}
      {hit.signature ? (
        <p className="result-signature">
          匹配的报错：<code className="signature">{hit.signature}</code>
        </p>
      ) : null}
    </li>
  );
}
