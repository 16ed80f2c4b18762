import path from "node:path";
import { buildContent } from "../src/content";
import { formatCoverage, formatMessages, formatSummary } from "../src/content/report";

const dir = path.resolve(process.argv[2] ?? "content");
const result = await buildContent(dir);
const lines = formatMessages(result.files, process.cwd());
if (lines.length > 0) console.log(lines.join("\n") + "\n");
console.log(formatSummary(result.errors, result.warnings, result.files.length));
if (result.graph) console.log("\n" + formatCoverage(result.graph).join("\n"));
process.exitCode = result.errors > 0 ? 1 : 0;
