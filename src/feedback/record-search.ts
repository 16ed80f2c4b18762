import { env } from "@/config/env";
import type { SearchResponse } from "@/search/rank";
import { clientBehindFront } from "@/serve/client-address";
import { getSearchIndex } from "@/search/server";
import type { SearchSource } from "./schema";
import { searchRow } from "./search-record";
import { feedback } from "./server";

/**
 * Records a search made on a page (the /search page, the wizard's paste box) and returns the id
 * the page hands to its result links, or null when it was not recorded. Never waits for the
 * database and never fails the search: a full queue or a client over its rate is simply skipped.
 */
export async function recordSearch(query: string, response: SearchResponse, source: SearchSource, headers: Headers): Promise<string | null> {
  try {
    const keepNumbers = new Set((await getSearchIndex()).keepNumbers);
    const row = searchRow({ query, response, source, session: null, keepNumbers });
    const client = `a:${clientBehindFront(headers.get("x-forwarded-for"), env().TRUST_PROXY)}`;
    return feedback().offerQuietly({ table: "searches", row }, client) ? row.id : null;
  } catch (error) {
    console.error(`排障知识库: search not recorded: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
