import path from "node:path";
import { buildContent } from "../src/content";
import { toPublicResponse } from "../src/search/public";
import { prepareQuery } from "../src/search/query";
import { buildSearchIndex } from "../src/search/build-index";
import { createSearcher } from "../src/search/rank";

/** `npm run search -- "<query>"`: the same JSON the API returns. A query of "-" is read from stdin. */
const args = process.argv.slice(2);
let query = args.join(" ");
if (query === "-" || query === "") query = await new Promise<string>((resolve) => {
  let data = "";
  process.stdin.setEncoding("utf8").on("data", (chunk) => (data += chunk)).on("end", () => resolve(data));
});
const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors; run npm run content:check");
const prepared = prepareQuery(query);
const response = createSearcher(buildSearchIndex(content.graph)).search(prepared.text);
console.log(JSON.stringify(toPublicResponse(prepared.truncated ? { ...response, truncated: true } : response), null, 2));
