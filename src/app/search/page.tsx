import type { Metadata } from "next";
import Link from "next/link";
import { Highlighted } from "@/components/Highlighted";
import { RecordedSearch } from "@/components/feedback/RecordedSearch";
import { KIND_LABEL } from "@/components/labels";
import { SearchForm } from "@/components/SearchForm";
import { SEARCH_CONFIG } from "@/search/config";
import type { SearchHit } from "@/search/rank";
import { parseSearchRequest } from "@/search/request";
import { maskSecrets } from "@/search/secrets";
import { getSearcher } from "@/search/server";
import { getKnowledgeGraph } from "@/content";
import { SEARCH_PATH, searchUrl, WIZARD_HOME, wizardUrl } from "@/urls";
import { startFromHit } from "@/wizard/evidence";

interface Props {
  searchParams: Promise<{ q?: string | string[]; mode?: string | string[] }>;
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
  const response = request.ok ? (await getSearcher()).search(request.query) : null;
  const graph = await getKnowledgeGraph();
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

      {response ? (
        <section aria-labelledby="results-title" className="results" id="search-results">
          {request.ok ? <RecordedSearch query={request.query} response={response} containerId="search-results" /> : null}
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
