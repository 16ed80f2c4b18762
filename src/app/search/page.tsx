import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { RecordedSearch } from "@/components/feedback/RecordedSearch";
import { KIND_LABEL } from "@/components/labels";
import { SearchForm } from "@/components/SearchForm";
import { FACET_NAMES, isEmptyFilter, knownValues, type FacetName, type Facets, type SearchFilter } from "@/search/facets";
import { SearchUnavailableError } from "@/search/pool";
import { prepareQuery, type PreparedQuery } from "@/search/query";
import type { SearchResponse } from "@/search/rank";
import { parseSearchFilter, parseSearchRequest } from "@/search/request";
import { getSearchIndex, searchPrepared } from "@/search/server";
import { searchUrl } from "@/urls";
import type { LogSearchState } from "./actions";
import { LogSearch } from "./_components/LogSearch";
import { RESULTS_ID, SearchResults } from "./_components/SearchResults";
import { wizardHrefs } from "./wizard-links";

interface Props {
  searchParams: Promise<{ q?: string | string[]; mode?: string | string[]; area?: string | string[]; system?: string | string[]; kind?: string | string[] }>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The query of the URL, cut and masked; metadata and page share it. A URL that held a secret or
 * more than the limit never gets here: the proxy redirects it to its prepared form first.
 */
const prepared = cache((q: string): PreparedQuery => prepareQuery(q));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim();
  return {
    title: q ? `搜索：${prepared(q).text.trim().slice(0, 40)}` : "搜索",
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q) ?? "";
  const logMode = first(params.mode) === "log" || q.includes("\n");
  const request = parseSearchRequest(q, undefined);
  const query = request.ok ? prepared(request.query) : null;
  const index = await getSearchIndex();
  // A log is read line by line; filters are for a one-line question.
  const { filter, ignored } = logMode ? { filter: {}, ignored: [] } : parseSearchFilter(params, knownValues(index.docs));
  const { response, busy } = query ? await answer(query, filter) : { response: null, busy: false };
  const hrefs = response ? await wizardHrefs(response) : [];
  const labelOf = (facet: FacetName, value: string) => (facet === "kind" ? (KIND_LABEL as Record<string, string>)[value] : index.labels[`${facet}:${value}`]) ?? value;
  // A filter click re-asks the same query: it is not another search to learn from.
  const tracker = query && response && isEmptyFilter(filter) ? <RecordedSearch query={query.text} response={response} containerId={RESULTS_ID} /> : null;
  const notice =
    request.ok || q.trim() === "" ? null : (
      <p role="alert" className="notice notice-error">
        {request.message}
      </p>
    );

  if (logMode) {
    const initial: LogSearchState = { query: query?.text ?? "", response, wizardHrefs: hrefs, searchId: null, error: busy ? BUSY : null };
    return (
      <div className="search-page">
        <h1>搜索报错</h1>
        <LogSearch initial={initial} tracker={tracker}>
          <p className="hint">
            <Link href={searchUrl()}>改为输入一句报错</Link>
          </p>
        </LogSearch>
        {notice}
      </div>
    );
  }

  return (
    <div className="search-page">
      <h1>搜索报错</h1>
      <div className="search-modes">
        <SearchForm id="page-search" large defaultValue={query?.text ?? ""} />
        <p className="hint">
          <Link href={searchUrl({ mode: "log" })}>粘贴一整段日志</Link>
        </p>
      </div>
      {q.trim() === "" ? (
        <p className="lead">输入屏幕上或日志里的报错，例如 <code>redirect_uri 与后台配置不一致</code>、<code>errcode 40001</code> 或 <code>net::ERR_CONNECTION_CLOSED</code>。</p>
      ) : null}
      {notice}
      {busy ? (
        <p role="alert" className="notice notice-error">
          {BUSY}
        </p>
      ) : null}

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

      {response ? <FacetBar q={response.query} facets={response.facets} filter={filter} labelOf={labelOf} /> : null}
      {response ? <SearchResults response={response} wizardHrefs={hrefs} filter={filter} tracker={tracker} /> : null}
    </div>
  );
}

const BUSY = "搜索暂时繁忙，请稍后重试";

async function answer(query: PreparedQuery, filter: SearchFilter): Promise<{ response: SearchResponse | null; busy: boolean }> {
  try {
    return { response: await searchPrepared(query, { filter }), busy: false };
  } catch (failure) {
    if (!(failure instanceof SearchUnavailableError)) throw failure;
    return { response: null, busy: true };
  }
}

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
