import type { KnowledgeGraph } from "./graph";
import type { ContentResult } from "./index";
import { changedFiles, fingerprint, sameFingerprint, type Fingerprint } from "./fingerprint";
import { formatReport } from "./report";

export interface LoaderOptions {
  /**
   * Look at the tree's file sizes and times on every call, and rebuild when a file was added,
   * removed or changed (`npm run dev`). Otherwise the graph is built once: content ships with a
   * release and does not change under a running server.
   */
  readonly fresh: boolean;
  /** Told of every build, with the files that changed since the last one (null for the first). */
  readonly log?: (result: ContentResult, changed: readonly string[] | null, stamp: Fingerprint) => void;
}

/**
 * A function that gives the graph `build` makes of `dir` (`buildContent`, passed in so that this
 * module does not import the pipeline it sits beside). Content errors reject it with the same
 * compiler-style report that `npm run content:check` prints; under `fresh`, the next change
 * after a fix makes it resolve again.
 */
export function graphLoader(
  build: (dir: string) => Promise<ContentResult>,
  dir: string,
  options: LoaderOptions,
): () => Promise<KnowledgeGraph> {
  let loaded: { readonly stamp: Fingerprint | null; readonly graph: Promise<KnowledgeGraph> } | null = null;
  const load = (stamp: Fingerprint | null, changed: readonly string[] | null) =>
    build(dir).then((result) => {
      if (stamp) options.log?.(result, changed, stamp);
      if (result.graph) return result.graph;
      throw new Error(`Content has ${result.errors} error(s); run \`npm run content:check\`:\n${formatReport(result, process.cwd())}`);
    });
  if (!options.fresh) {
    return () => {
      loaded ??= { stamp: null, graph: load(null, null) };
      return loaded.graph;
    };
  }
  return async () => {
    const stamp = await fingerprint(dir);
    // Compared after the await: of two requests that saw the same change, the second reuses the
    // first one's build.
    if (loaded?.stamp && sameFingerprint(loaded.stamp, stamp)) return loaded.graph;
    const changed = loaded?.stamp ? changedFiles(loaded.stamp, stamp) : null;
    loaded = { stamp, graph: load(stamp, changed) };
    return loaded.graph;
  };
}

const PRINTED = Symbol.for("paizhang-kb.content-report");
const printed = globalThis as typeof globalThis & { [PRINTED]?: string };

/**
 * Prints a build the way `content:check` does: every reload, and the first load when it has
 * something to say. Next.js bundles the content module more than once (route handlers, server
 * components), and each copy loads the graph for itself: the terminal gets each state of the tree
 * once per process. (The short-lived worker that `next dev` starts for `generateStaticParams` is
 * another process; it repeats a first load's problems, which is why a clean first load is quiet.)
 */
export function printOnce(result: ContentResult, changed: readonly string[] | null, stamp: Fingerprint): void {
  if (changed === null && result.files.every((f) => f.messages.length === 0)) return;
  const key = [...stamp].sort().join("\n");
  if (printed[PRINTED] === key) return;
  printed[PRINTED] = key;
  const list = changed === null ? "" : ` (${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ` and ${changed.length - 3} more` : ""} changed)`;
  const head = `content ${changed === null ? "loaded" : "reloaded"}${list}: ${result.entries.length} entries, ${result.flows.length} flows`;
  (result.errors > 0 ? console.error : console.log)(`${head}\n${formatReport(result, process.cwd())}`);
}
