import { readFile } from "node:fs/promises";
import path from "node:path";
import type { KnowledgeGraph } from "@/content/graph";
import { normalizeLine } from "@/search/normalize";
import { addSignature, cleanSignature, type FindableChange } from "./findable";

export interface FindableResult {
  readonly change: FindableChange;
  /** The file the change is for, relative to the repository. */
  readonly file: string;
  /** Entries that already have this signature (after normalisation). */
  readonly alsoOn: readonly string[];
  /** Whether the query the signature came from contains it once both are normalised (so it would match). */
  readonly matchesExample: boolean;
}

/** Reads the entry's Markdown file (never writes it) and computes the change for a new signature. */
export async function findableChange(graph: KnowledgeGraph, entryId: string, signature: string, example: string): Promise<FindableResult | null> {
  const entry = graph.byId.get(entryId);
  if (!entry) return null;
  const file = path.posix.join("content", entry.source.path);
  const text = await readFile(path.join(process.cwd(), "content", entry.source.path), "utf8");
  const normalized = normalizeLine(cleanSignature(signature));
  const alsoOn = graph.entries
    .filter((e) => e.id !== entryId && [...e.signatures, ...(e.kind === "problem" ? e.causes.flatMap((c) => c.signatures) : [])].some((s) => normalizeLine(s) === normalized))
    .map((e) => e.id);
  return {
    change: addSignature({ path: file, text }, signature),
    file,
    alsoOn,
    matchesExample: normalized !== "" && normalizeLine(example).includes(normalized),
  };
}
