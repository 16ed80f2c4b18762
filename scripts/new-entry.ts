import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { buildContent } from "../src/content";
import { readEnv } from "../src/config/env";
import { scaffoldEntry } from "../src/content/scaffold";
import { TaxonomySchema, UpstreamListSchema } from "../src/content/schema";

/**
 * `npm run new -- <kind> <area> <id> [--title "…"] [--system slug] [--upstream S000-1,S000-2]`:
 * writes content/entries/<area>/<id>.md (or under CONTENT_DIR) from the kind's template, valid as
 * written, and prints what to fill in. Opens nothing. Refuses a taken id, an unknown kind, area,
 * system or upstream id with a message that says which and lists the known ones.
 */
const USAGE = "usage: npm run new -- <problem|question|guide> <area> <id> [--title \"…\"] [--system <slug>] [--upstream S000-1,S000-2]";

function fail(message: string, usage = false): never {
  console.error(usage ? `${message}\n${USAGE}` : message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: { title: { type: "string" }, system: { type: "string" }, upstream: { type: "string" } },
    allowPositionals: true,
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), true);
}
const [kind, area, id, ...rest] = args.positionals;
if (!kind || !area || !id || rest.length > 0) fail("Expected three arguments: the kind, the area and the id", true);

const config = readEnv();
const dir = path.resolve(config.ok ? config.env.CONTENT_DIR : "content");
const readList = async (name: string) => parse(await readFile(path.join(dir, name), "utf8")) as unknown;
const taxonomy = TaxonomySchema.safeParse(await readList("taxonomy.yml").catch(() => null));
const upstream = UpstreamListSchema.safeParse(await readList("upstream.yml").catch(() => null));
if (!taxonomy.success || !upstream.success) fail(`Cannot read ${path.relative(process.cwd(), dir)}/taxonomy.yml and upstream.yml: run npm run content:check`);

const result = scaffoldEntry(
  {
    kind,
    area,
    id,
    title: args.values.title,
    system: args.values.system,
    upstream: args.values.upstream?.split(",").map((s) => s.trim()).filter(Boolean),
    today: new Date().toLocaleDateString("sv-SE"),
  },
  {
    taxonomy: taxonomy.data,
    upstreamIds: upstream.data.problems.map((p) => p.id),
    taken: await takenIds(),
    entries: (await buildContent(dir)).entries,
  },
);
if (!result.ok) fail(result.message);

const target = path.join(dir, result.path);
// Checked again here: a file whose front matter is broken has an id nobody could read.
if (existsSync(target)) fail(`${path.relative(process.cwd(), target)} already exists`);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, result.text, { flag: "wx" });
console.log(`Created ${path.relative(process.cwd(), target)} (${kind})`);
for (const note of result.notes) console.log(`  - ${note}`);
console.log("Fill in every （…） placeholder, then run: npm run content:check");

/** Ids are file names: every `.md` under entries/ and wizards/, whatever its content. */
async function takenIds(): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (const sub of ["entries", "wizards"]) {
    const names = await readdir(path.join(dir, sub), { recursive: true }).catch(() => []);
    for (const name of names.filter((n) => n.endsWith(".md")).sort()) {
      taken.set(path.basename(name, ".md"), path.relative(process.cwd(), path.join(dir, sub, name)));
    }
  }
  return taken;
}
