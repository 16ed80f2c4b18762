import path from "node:path";
import { buildContent } from "../src/content";
import { exportGraph } from "../src/content/export";
import { formatMessages, formatSummary } from "../src/content/report";

const dir = path.resolve(process.argv[2] ?? "content");
const result = await buildContent(dir);
if (!result.graph) {
  console.error(formatMessages(result.files, process.cwd()).join("\n"));
  console.error(formatSummary(result.errors, result.warnings, result.files.length));
  process.exitCode = 1;
} else {
  process.stdout.write(JSON.stringify(exportGraph(result.graph), null, 2) + "\n");
}
