import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildContent } from "../src/content";
import { readEnv } from "../src/config/env";
import { fingerprint, sameFingerprint, type Fingerprint } from "../src/content/fingerprint";
import { formatCoverage, formatReport, toJsonReport } from "../src/content/report";

/**
 * `npm run content:check [-- [DIR] [--format text|json] [--watch]]`: checks a content tree
 * (default: CONTENT_DIR, else content/) and prints every message, compiler-style or as JSON for
 * editors and CI annotations. Exits 1 when there are errors. `--watch` checks again after every
 * save, until Ctrl+C; with `--format json` it prints one JSON document per line, one per check.
 */
const USAGE = "usage: npm run content:check -- [DIR] [--format text|json] [--watch]";

let args;
try {
  args = parseArgs({
    options: { format: { type: "string", default: "text" }, watch: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { format, watch: watching, help } = args.values;
if (help) {
  console.log(USAGE);
  process.exit(0);
}
if (format !== "text" && format !== "json") {
  console.error(`Unknown format \`${format}\`: expected \`text\` or \`json\`\n${USAGE}`);
  process.exit(2);
}
if (args.positionals.length > 1) {
  console.error(`Expected at most one content directory, got ${args.positionals.length}\n${USAGE}`);
  process.exit(2);
}
const config = readEnv();
const dir = path.resolve(args.positionals[0] ?? (config.ok ? config.env.CONTENT_DIR : "content"));

async function check(): Promise<number> {
  const result = await buildContent(dir);
  if (format === "json") {
    console.log(JSON.stringify(toJsonReport(result, process.cwd()), null, watching ? undefined : 2));
  } else {
    console.log(formatReport(result, process.cwd()));
    if (result.graph && !watching) console.log("\n" + formatCoverage(result.graph).join("\n"));
  }
  return result.errors;
}

if (!watching) {
  process.exitCode = (await check()) > 0 ? 1 : 0;
} else {
  await watchTree();
}

/** Checks now, then again after each burst of changes under `dir` (editors write a file in several steps). */
async function watchTree(): Promise<void> {
  let last: Fingerprint = await fingerprint(dir);
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      if (format === "text") console.log(`\n[${new Date().toLocaleTimeString("en-GB")}] checking ${path.relative(process.cwd(), dir) || "."}`);
      await check();
    } while (again);
    running = false;
  };
  await run();
  if (format === "text") console.log("Watching for changes (Ctrl+C to stop)");
  watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      // Events also come for files that did not change (an editor's swap file, an attribute).
      const now = await fingerprint(dir);
      if (sameFingerprint(last, now)) return;
      last = now;
      await run();
    }, 150);
  }).on("error", (error) => console.error(`Cannot watch ${dir}: ${error.message}`));
}
