import { mkdir, mkdtemp, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseDocument } from "yaml";
import { buildContent } from "../src/content";

/**
 * Generates a 10,000-entry content tree from the real entries (each copy renamed, re-linked and
 * with its signatures varied, deterministically) and times the whole pipeline over it.
 */
const TARGET = Number(process.argv[2] ?? 10_000);
const source = path.resolve("content");
const real = await buildContent(source);
if (!real.graph) throw new Error("the real content has errors; run npm run content:check");

const originals = await Promise.all(
  real.graph.entries.map(async (entry) => ({ entry, text: await readFile(path.join(source, entry.source.path), "utf8") })),
);
const ids = originals.map((o) => o.entry.id).sort((a, b) => b.length - a.length);
const idPattern = new RegExp(`(?<![\\w-])(${ids.map((id) => id.replace(/-/g, "\\-")).join("|")})(?![\\w-])`, "g");

const dir = await mkdtemp(path.join(tmpdir(), "kb-bench-"));
await copyFile(path.join(source, "taxonomy.yml"), path.join(dir, "taxonomy.yml"));
await copyFile(path.join(source, "upstream.yml"), path.join(dir, "upstream.yml"));

const started = performance.now();
let written = 0;
// Whole copies only, so that every renamed link has its renamed target.
for (let copy = 0; written < TARGET; copy++) {
  for (const { entry, text } of originals) {
    const varied = vary(text, copy);
    const file = path.join(dir, "entries", entry.area, `${entry.id}-v${copy}.md`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, varied);
    written++;
  }
}
const generatedMs = performance.now() - started;

const before = process.memoryUsage().rss;
const t0 = performance.now();
const result = await buildContent(dir);
const seconds = (performance.now() - t0) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
await rm(dir, { recursive: true, force: true });

console.log(`generated ${written} entries from ${originals.length} real ones in ${(generatedMs / 1000).toFixed(1)} s`);
console.log(`pipeline: ${seconds.toFixed(2)} s, ${(written / seconds).toFixed(0)} entries/s`);
console.log(`messages: ${result.errors} errors, ${result.warnings} warnings; graph ${result.graph ? "built" : "not built"}`);
console.log(`memory: rss before ${(before / 1048576).toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB`);

function vary(text: string, copy: number): string {
  const end = text.indexOf("\n---", 4);
  const doc = parseDocument(text.slice(4, end));
  const signatures = doc.get("signatures");
  const list = (doc.toJS() as { signatures?: unknown[] }).signatures ?? [];
  if (signatures) doc.set("signatures", list.map((s) => `${String(s)} [v${copy}]`));
  doc.set("title", `${String(doc.get("title"))}（第 ${copy} 版）`);
  const frontmatter = doc.toString().replace(idPattern, (id) => `${id}-v${copy}`);
  let inSignatures = false;
  const body = text
    .slice(end)
    .replace(idPattern, (id) => `${id}-v${copy}`)
    .split("\n")
    .map((line) => {
      if (line.startsWith("#")) inSignatures = /^###\s*(特征|signatures)\s*$/i.test(line);
      return inSignatures && line.startsWith("- ") ? `${line} [v${copy}]` : line;
    })
    .join("\n");
  return `---\n${frontmatter}${body}`;
}
