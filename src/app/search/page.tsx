import type { Metadata } from "next";
import Link from "next/link";
import { Highlighted } from "@/components/Highlighted";
import { RecordedSearch } from "@/components/feedback/RecordedSearch";
import { KIND_LABEL } from "@/components/labels";
import { SearchForm } from "@/components/SearchForm";
import { SEARCH_CONFIG } from "@/search/config";
import { FACET_NAMES, isEmptyFilter, knownValues, type FacetName, type Facets, type SearchFilter } from "@/search/facets";
import type { SearchHit } from "@/search/rank";
import { parseSearchFilter, parseSearchRequest } from "@/search/request";
import { maskSecrets } from "@/search/secrets";
import { getSearcher } from "@/search/server";
import { getKnowledgeGraph } from "@/content";
import { SEARCH_PATH, searchUrl, WIZARD_HOME, wizardUrl } from "@/urls";
import { startFromHit } from "@/wizard/evidence";

interface Props {
  searchParams: Promise<{ q?: string | string[]; mode?: string | string[]; area?: string | string[]; system?: string | string[]; kind?: string | string[] }>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  return {
    title: q ? `搜索：${maskSecrets(q).slice(0, 40)}` : "搜索",
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q) ?? "";
  const logMode = first(params.mode) === "log" || q.includes("\n");
  const request = parseSearchRequest(q, undefined);
  const searcher = await getSearcher();
  // A log is read line by line; filters are for a one-line question.
  const { filter, ignored } = logMode ? { filter: {}, ignored: [] } : parseSearchFilter(params, knownValues(searcher.data.docs));
  const response = request.ok ? searcher.search(request.query, { filter }) : null;
  const graph = await getKnowledgeGraph();
  const labelOf = (facet: FacetName, value: string) => (facet === "kind" ? (KIND_LABEL as Record<string, string>)[value] : searcher.data.labels[`${facet}:${value}`]) ?? value;
  // The wizard opens where the hit points, with the log lines that already answer a check.
  const wizardHref = (hit: SearchHit) =>
    wizardUrl(startFromHit(graph, hit, hit.line !== undefined ? [{ line: hit.line, text: hit.lineText ?? "" }] : [{ line: 1, text: response?.query ?? "" }]));

  return (
    <div className="search-page">
      <h1>搜索报错</h1>
      <div className="search-modes">
        {logMode ? (
          <form action={SEARCH_PATH} method="get" className="log-form">
            <label htmlFor="log-input">粘贴日志（可以是整段 docker logs 输出，只在本次搜索中使用，不会保存）</label>
            <textarea id="log-input" name="q" rows={12} defaultValue={maskSecrets(q)} spellCheck={false} />
            <input type="hidden" name="mode" value="log" />
            <button type="submit" className="button">
              按日志搜索
            </button>
          </form>
        ) : (
          <SearchForm id="page-search" large defaultValue={maskSecrets(q)} />
        )}
        <p className="hint">
          {logMode ? <Link href={searchUrl()}>改为输入一句报错</Link> : <Link href={searchUrl({ mode: "log" })}>粘贴一整段日志</Link>}
        </p>
      </div>

      {request.ok ? null : q.trim() === "" ? (
        <p className="lead">输入屏幕上或日志里的报错，例如 <code>redirect_uri 与后台配置不一致</code>、<code>errcode 40001</code> 或 <code>net::ERR_CONNECTION_CLOSED</code>。</p>
      ) : (
        <p role="alert" className="notice notice-error">
          {request.message}
        </p>
      )}

      {response?.didYouMean ? (
        <p className="did-you-mean">
          你要找的是不是：<Link href={searchUrl({ q: response.didYouMean, ...filter })}>{response.didYouMean}</Link>？
        </p>
      ) : null}

      {ignored.length > 0 ? (
        <p className="notice">
          筛选条件 {ignored.map((name) => FACET_TITLE[name as FacetName]).join("、")} 的值不认识，已忽略。
        </p>
      ) : null}

      {response && !logMode ? <FacetBar q={response.query} facets={response.facets} filter={filter} labelOf={labelOf} /> : null}

      {response ? (
        <section aria-labelledby="results-title" className="results" id="search-results">
          {/* A filter click re-asks the same query: it is not another search to learn from. */}
          {request.ok && isEmptyFilter(filter) ? <RecordedSearch query={request.query} response={response} containerId="search-results" /> : null}
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
                {response.results.map((hit) => (
                  <ResultCard key={hit.id} hit={hit} wizardHref={wizardHref(hit)} />
                ))}
              </ol>
            </>
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
      ) : null}
    </div>
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

/** The query's words found in the entry; a matched signature is shown whole, not marked whole. */
const wordsOf = (hit: SearchHit) => hit.matched.filter((term) => term !== hit.signature);

const FACET_TITLE: Record<FacetName, string> = { area: "领域", system: "系统", kind: "类型" };

/**
 * Filters with counts over every candidate of the query: choosing a value narrows the results to
 * it, choosing it again (or 全部) lifts that filter. Shown once there is something to choose between.
 */
function FacetBar({ q, facets, filter, labelOf }: { q: string; facets: Facets; filter: SearchFilter; labelOf: (facet: FacetName, value: string) => string }) {
  const shown = FACET_NAMES.filter((name) => facets[name].length > 1 || filter[name] !== undefined);
  if (shown.length === 0) return null;
  const hrefWith = (name: FacetName, value: string | undefined) => searchUrl({ q, ...filter, [name]: value });
  return (
    <nav aria-label="筛选结果" className="facets">
      {shown.map((name) => (
        <div key={name} className="facet">
          <span className="facet-name" id={`facet-${name}`}>
            {FACET_TITLE[name]}
          </span>
          <ul aria-labelledby={`facet-${name}`}>
            <li>
              <Link href={hrefWith(name, undefined)} aria-current={filter[name] === undefined ? "true" : undefined}>
                全部
              </Link>
            </li>
            {facets[name].map(({ value, count }) => {
              const active = filter[name] === value;
              return (
                <li key={value}>
                  <Link href={hrefWith(name, active ? undefined : value)} aria-current={active ? "true" : undefined}>
                    {labelOf(name, value)} <span className="facet-count">{count}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
