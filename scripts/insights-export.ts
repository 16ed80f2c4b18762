import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "../src/config/env";
import { buildContent } from "../src/content";
import { refreshRanking, setEvidenceLoader } from "../src/feedback/cause-order";
import { loadEvidence } from "../src/feedback/evidence";
import { insightsCsv } from "../src/feedback/export";
import { buildInsights } from "../src/feedback/insights";
import { openStorage, StorageBusyError } from "../src/feedback/storage";
import { buildWizardGraph } from "../src/wizard/build";

/**
 * `npm run insights:export -- --format csv|json`: the /insights report on standard output.
 *
 * Reads the database the server uses: DATABASE_URL if set, else the embedded database in
 * DATA_DIR. The embedded one can be opened by one process at a time, so while the server runs,
 * ask the server instead: `--from http://host:port` (with ADMIN_TOKEN set) fetches /api/insights.
 */
const { values } = parseArgs({
  options: { format: { type: "string", default: "json" }, from: { type: "string" } },
  allowPositionals: false,
});
const format = values.format;
if (format !== "csv" && format !== "json") {
  console.error(`--format must be csv or json, not ${JSON.stringify(format)}`);
  process.exit(2);
}
const config = readEnv();
if (!config.ok) {
  console.error(config.message);
  process.exit(2);
}

if (values.from) {
  const token = config.env.ADMIN_TOKEN;
  if (!token) {
    console.error("--from needs ADMIN_TOKEN (the server's token) in the environment");
    process.exit(2);
  }
  const url = new URL(`/api/insights${format === "csv" ? "?format=csv" : ""}`, values.from);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    console.error(`${url.origin} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    process.exit(1);
  }
  process.stdout.write(format === "csv" ? await response.text() : `${JSON.stringify(await response.json(), null, 2)}\n`);
} else {
  const content = await buildContent(path.resolve("content"));
  if (!content.graph) {
    console.error("content has errors; run npm run content:check");
    process.exit(1);
  }
  let storage;
  try {
    storage = await openStorage({ databaseUrl: config.env.DATABASE_URL, dataDir: config.env.DATA_DIR });
  } catch (error) {
    if (error instanceof StorageBusyError) {
      console.error(`${error.message}: stop the server, or export through it with --from http://127.0.0.1:${config.env.PORT}`);
    } else {
      console.error(`The database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  }
  try {
    // The report shows the cause order in use, which follows the same daily snapshot as the server's.
    setEvidenceLoader((before) => loadEvidence(storage.db, before));
    await refreshRanking();
    const report = await buildInsights(storage.db, content.graph, buildWizardGraph(content.graph));
    process.stdout.write(format === "csv" ? insightsCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await storage.close();
  }
}
