import { headers } from "next/headers";
import { recordSearch } from "@/feedback/record-search";
import type { SearchResponse } from "@/search/rank";
import { SearchOpenTracker } from "./SearchOpenTracker";

/**
 * Records a search made on the /search page and, when it was recorded, watches which of its
 * results is opened (links inside the element `containerId`). Everything the search page does
 * for learning from use is this one element, so the page itself stays about searching.
 */
export async function RecordedSearch({ query, response, containerId }: { query: string; response: SearchResponse; containerId: string }) {
  const searchId = await recordSearch(query, response, "page", await headers());
  if (!searchId) return null;
  return <SearchOpenTracker searchId={searchId} shown={[...response.results, ...response.suggestions].map((hit) => hit.id)} containerId={containerId} />;
}
