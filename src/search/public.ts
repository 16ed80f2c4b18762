import type { SearchHit, SearchResponse } from "./rank";
import { maskSecrets } from "./secrets";

/** The JSON shape of `/api/search` and `npm run search` (documented in the README). */
export function toPublicResponse(response: SearchResponse) {
  return {
    query: maskSecrets(response.query),
    confident: response.confident,
    results: response.results.map(publicHit),
    suggestions: response.suggestions.map(publicHit),
    truncated: response.truncated,
    lines: response.lines,
    ...(response.didYouMean ? { didYouMean: response.didYouMean } : {}),
    ...(response.neighbour ? { neighbour: response.neighbour } : {}),
    facets: response.facets,
  };
}

function publicHit(hit: SearchHit) {
  return {
    id: hit.id,
    title: hit.title,
    ...(hit.cause ? { cause: hit.cause, causeTitle: hit.causeTitle } : {}),
    score: hit.score,
    ...(hit.line !== undefined ? { line: hit.line, lineText: hit.lineText } : {}),
    url: hit.url,
    kind: hit.kind,
    area: hit.area,
    areaLabel: hit.areaLabel,
    system: hit.system,
    systemLabel: hit.systemLabel,
    matched: hit.matched,
    ...(hit.snippet ? { snippet: hit.snippet } : {}),
    ...(hit.explain ? { explain: hit.explain } : {}),
  };
}
