import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { SearchForm } from "@/components/SearchForm";
import { SearchUnavailableError } from "@/search/pool";
import { prepareQuery, type PreparedQuery } from "@/search/query";
import type { SearchResponse } from "@/search/rank";
import { parseSearchRequest } from "@/search/request";
import { searchPrepared } from "@/search/server";
import { searchUrl } from "@/urls";
import type { LogSearchState } from "./actions";
import { LogSearch } from "./_components/LogSearch";
import { SearchResults } from "./_components/SearchResults";
import { wizardHrefs } from "./wizard-links";

interface Props {
  searchParams: Promise<{ q?: string | string[]; mode?: string | string[] }>;
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
  const { response, busy } = query ? await answer(query) : { response: null, busy: false };
  const hrefs = response ? await wizardHrefs(response) : [];
  const notice =
    request.ok || q.trim() === "" ? null : (
      <p role="alert" className="notice notice-error">
        {request.message}
      </p>
    );

  if (logMode) {
    const initial: LogSearchState = { query: query?.text ?? "", response, wizardHrefs: hrefs, error: busy ? BUSY : null };
    return (
      <div className="search-page">
        <h1>搜索报错</h1>
        <LogSearch initial={initial}>
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
      {response ? <SearchResults response={response} wizardHrefs={hrefs} /> : null}
    </div>
  );
}

const BUSY = "搜索暂时繁忙，请稍后重试";

async function answer(query: PreparedQuery): Promise<{ response: SearchResponse | null; busy: boolean }> {
  try {
    return { response: await searchPrepared(query), busy: false };
  } catch (failure) {
    if (!(failure instanceof SearchUnavailableError)) throw failure;
    return { response: null, busy: true };
  }
}
