import Link from "next/link";
import type { ReactNode } from "react";
import { Highlighted } from "@/components/Highlighted";
import { KIND_LABEL } from "@/components/labels";
import { SEARCH_CONFIG } from "@/search/config";
import { isEmptyFilter, type SearchFilter } from "@/search/facets";
import type { SearchHit, SearchResponse } from "@/search/rank";
import { searchUrl, WIZARD_HOME } from "@/urls";

/**
 * The answer to a search: results, or a clear "nothing matched" with the way forward, and weaker
 * suggestions. Rendered by the page for a one-line search and by the log box after its POST; it
 * only ever receives a response to a prepared (cut and masked) query. `wizardHrefs` holds where
 * each result opens the wizard (../wizard-links.ts); `tracker` is what records which result is
 * opened, placed inside the section it watches.
 */
export function SearchResults({
  response,
  wizardHrefs,
  filter = {},
  tracker = null,
}: {
  response: SearchResponse;
  wizardHrefs: readonly string[];
  filter?: SearchFilter;
  tracker?: ReactNode;
}) {
  return (
    <section aria-labelledby="results-title" className="results" id={RESULTS_ID}>
      {tracker}
      {response.truncated ? (
        <p className="notice">输入超过 {SEARCH_CONFIG.maxQueryBytes / 1024} KB，只搜索了最后 {SEARCH_CONFIG.maxQueryBytes / 1024} KB 的内容。</p>
      ) : null}
      {response.neighbour && response.confident ? <NeighbourNote neighbour={response.neighbour} also /> : null}
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
      ) : response.neighbour ? (
        <div className="no-match">
          <h2 id="results-title">这看起来是另一类问题：{response.neighbour.title}</h2>
          <NeighbourNote neighbour={response.neighbour} also={false} />
        </div>
      ) : (
        <div className="no-match">
          <h2 id="results-title">没有找到足够匹配的条目</h2>
          {isEmptyFilter(filter) ? (
            <p>知识库里可能还没有这个问题，或者报错的关键部分没有包含在搜索内容里。可以试试：</p>
          ) : (
            <p>
              筛选条件下没有足够匹配的条目。<Link href={searchUrl({ q: response.query })}>清除筛选，看全部结果</Link>，或者：
            </p>
          )}
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
                {hit.snippet ? (
                  <span className="suggestion-snippet">
                    <Highlighted text={hit.snippet} terms={wordsOf(hit)} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </section>
  );
}

/**
 * A neighbouring problem the query prints: what was recognised, that this knowledge base does not
 * fix it, and where to look. `also` when entries were answered for other lines of the same paste.
 */
function NeighbourNote({ neighbour, also }: { neighbour: NonNullable<SearchResponse["neighbour"]>; also: boolean }) {
  return (
    <div className="neighbour-note" role="note">
      {also ? (
        <p>
          {neighbour.line !== undefined ? `第 ${neighbour.line} 行` : "输入里"}还有一个本知识库不处理的问题：<strong>{neighbour.title}</strong>。
        </p>
      ) : (
        <p>
          {neighbour.line !== undefined ? `第 ${neighbour.line} 行的` : "输入里的"}报错 <code>{neighbour.signature}</code> 属于这一类，本知识库的条目修不了它，所以没有给出答案。
        </p>
      )}
      <p className="neighbour-hint">该去哪里查：{neighbour.hint}</p>
    </div>
  );
}

/** The id of the results section: the open tracker watches the links inside it. */
export const RESULTS_ID = "search-results";

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
      </p>
      {hit.snippet ? (
        <p className="result-snippet">
          <Highlighted text={hit.snippet} terms={wordsOf(hit)} />
        </p>
      ) : null}
      {hit.causeTitle ? (
        <p className="result-cause">
          最可能的原因：<Link href={hit.url}>{hit.causeTitle}</Link>
        </p>
      ) : null}
      {hit.explain ? <p className="result-explain">{hit.explain}</p> : null}
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
    </li>
  );
}

const wordsOf = (hit: SearchHit) => hit.matched.filter((term) => term !== hit.signature);
