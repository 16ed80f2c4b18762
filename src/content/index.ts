import { createHash } from "node:crypto";
import path from "node:path";
import type { VFile } from "vfile";
import { createGraph, type KnowledgeGraph } from "./graph";
import { reportIssues } from "./issues";
import { linkEntries, type ParsedEntry } from "./link";
import { loadSources } from "./load";
import { linkFlows, type ParsedFlow } from "./link-flows";
import { parseEntry, parseFlow } from "./parse";
import { NeighbourListSchema, TaxonomySchema, UpstreamListSchema, type Entry, type Flow } from "./schema";
import { graphLoader, printOnce } from "./loader";
import { env } from "@/config/env";
import { validateEntry, validateFlow } from "./validate";
import type { z } from "zod";
import { readYamlMapping } from "./yaml-source";

export type { KnowledgeGraph } from "./graph";

export interface ContentResult {
  /** Null when any file has an error. */
  readonly graph: KnowledgeGraph | null;
  /** The entries that passed every check of their own, even when other files failed. */
  readonly entries: readonly Entry[];
  readonly flows: readonly Flow[];
  /** Every file read, each with its messages: list files first, then entries by path. */
  readonly files: readonly VFile[];
  readonly errors: number;
  readonly warnings: number;
}

/** Runs the whole pipeline over a content directory, collecting every message from every file. */
export async function buildContent(dir: string): Promise<ContentResult> {
  const sources = await loadSources(dir);
  const taxonomy = readList(sources.taxonomy, TaxonomySchema, ["areas", "systems"]);
  const upstream = readList(sources.upstream, UpstreamListSchema, ["documents", "problems"]);
  const neighbours = sources.neighbours ? readList(sources.neighbours, NeighbourListSchema, ["neighbours"]) : { value: { neighbours: [] } };

  const parsed: ParsedEntry[] = [];
  const failedIds = new Set<string>();
  const claimedByFailed = new Set<string>();
  for (const file of sources.entries) {
    parseEntry(file);
    if (!taxonomy || !upstream) continue;
    const entry = validateEntry(file, {
      taxonomy: taxonomy.value,
      upstreamIds: new Set(upstream.value.problems.map((p) => p.id)),
      contentDir: sources.dir,
    });
    if (entry) parsed.push({ file, entry });
    else {
      failedIds.add(rawId(file));
      for (const id of rawUpstream(file)) claimedByFailed.add(id);
    }
  }

  const entries = taxonomy && upstream ? linkEntries(parsed, failedIds, { list: upstream.value, file: sources.upstream, yaml: upstream.yaml, claimedByFailed }) : [];

  const parsedFlows: ParsedFlow[] = [];
  for (const file of sources.flows) {
    parseFlow(file);
    if (!taxonomy) continue;
    const flow = validateFlow(file, { taxonomy: taxonomy.value, upstreamIds: new Set(), contentDir: sources.dir });
    if (flow) parsedFlows.push({ file, flow });
  }
  const flows: Flow[] = linkFlows(parsedFlows, new Map(entries.map((e) => [e.id, e])), failedIds);

  const files = [sources.taxonomy, sources.upstream, ...(sources.neighbours ? [sources.neighbours] : []), ...sources.entries, ...sources.flows];
  const messages = files.flatMap((f) => f.messages);
  const errors = messages.filter((m) => m.fatal).length;
  const graph =
    errors === 0 && taxonomy && upstream && neighbours
      ? createGraph(entries, taxonomy.value, upstream.value, contentVersion(sources.dir, files), flows, neighbours.value.neighbours)
      : null;
  return { graph, entries, flows, files, errors, warnings: messages.length - errors };
}

function readList<T>(file: VFile, schema: z.ZodType<T>, fields: readonly string[]) {
  if (file.messages.some((m) => m.fatal)) return null;
  const yaml = readYamlMapping(String(file.value), 0, file);
  if (!yaml) return null;
  const result = schema.safeParse(yaml.value);
  if (!result.success) {
    reportIssues(file, result.error.issues, yaml, fields);
    return null;
  }
  return { value: result.data, yaml };
}

function rawField(file: VFile, key: string): unknown {
  const value = file.data.frontmatter?.value;
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function rawId(file: VFile): string {
  const id = rawField(file, "id");
  return typeof id === "string" ? id : path.basename(file.path, ".md");
}

/** The upstream ids a file that failed claims, so that they are not also reported as uncovered. */
function rawUpstream(file: VFile): string[] {
  const ids = rawField(file, "upstream");
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}

function contentVersion(dir: string, files: readonly VFile[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(dir, file.path)).update("\0").update(String(file.value)).update("\0");
  return hash.digest("hex").slice(0, 12);
}

/** The content tree the app serves: `CONTENT_DIR`, by default `content/` beside the app. */
export function contentDir(): string {
  return path.resolve(process.cwd(), env().CONTENT_DIR);
}

let app: { readonly dir: string; readonly load: () => Promise<KnowledgeGraph> } | null = null;

/**
 * The graph of the app's content (see `loader.ts`): built once per process in production, and
 * rebuilt after every change of a content file under `npm run dev`, with the problems printed.
 */
export function getKnowledgeGraph(): Promise<KnowledgeGraph> {
  const dir = contentDir();
  if (app?.dir !== dir) {
    const fresh = process.env.NODE_ENV === "development";
    app = { dir, load: graphLoader(buildContent, dir, { fresh, ...(fresh ? { log: printOnce } : {}) }) };
  }
  return app.load();
}

/**
 * Something derived from the graph (the search index, the wizards), computed once per graph: once
 * per process in production, again after each content change under `npm run dev`.
 */
export function perGraph<T>(derive: (graph: KnowledgeGraph) => T): (graph: KnowledgeGraph) => T {
  const values = new WeakMap<KnowledgeGraph, T>();
  return (graph) => {
    if (!values.has(graph)) values.set(graph, derive(graph));
    return values.get(graph) as T;
  };
}
