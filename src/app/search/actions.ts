"use server";

import { headers } from "next/headers";
import { recordSearch } from "@/feedback/record-search";
import { SearchUnavailableError } from "@/search/pool";
import { prepareQuery } from "@/search/query";
import type { SearchResponse } from "@/search/rank";
import { parseSearchRequest } from "@/search/request";
import { searchPrepared } from "@/search/server";
import { wizardHrefs } from "./wizard-links";

/**
 * The log box's search, a server action: the log travels in a POST body and the answer comes
 * back to the same page, so the log is never in a URL (history, proxy logs, Referer). It works
 * without JavaScript too, as a plain form POST that renders the page with this state.
 */
export interface LogSearchState {
  /** The prepared (cut and masked) log, shown back in the box. */
  readonly query: string;
  readonly response: SearchResponse | null;
  /** Where each result opens the wizard. */
  readonly wizardHrefs: readonly string[];
  /** The id the search was recorded under (src/feedback), for watching which result is opened. */
  readonly searchId: string | null;
  readonly error: string | null;
}

export async function searchLog(_previous: LogSearchState, form: FormData): Promise<LogSearchState> {
  const raw = form.get("q");
  const request = parseSearchRequest(typeof raw === "string" ? raw : null, undefined);
  if (!request.ok) return { query: "", response: null, wizardHrefs: [], searchId: null, error: request.message };
  const query = prepareQuery(request.query);
  try {
    const response = await searchPrepared(query);
    const searchId = await recordSearch(query.text, response, "page", await headers());
    return { query: query.text, response, wizardHrefs: await wizardHrefs(response), searchId, error: null };
  } catch (failure) {
    if (!(failure instanceof SearchUnavailableError)) throw failure;
    return { query: query.text, response: null, wizardHrefs: [], searchId: null, error: "搜索暂时繁忙，请稍后重试" };
  }
}
