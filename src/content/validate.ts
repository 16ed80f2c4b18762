import path from "node:path";
import type { VFile } from "vfile";
import { reportIssues } from "./issues";
import { report } from "./messages";
import {
  EntrySchema,
  FLOW_FIELDS,
  FlowFrontmatterSchema,
  FlowSchema,
  FRONTMATTER_FIELDS,
  FrontmatterSchema,
  type Entry,
  type Flow,
  type Taxonomy,
} from "./schema";

export interface ValidationContext {
  readonly taxonomy: Taxonomy;
  readonly upstreamIds: ReadonlySet<string>;
  /** The content directory, for the entry's `source.path`. */
  readonly contentDir: string;
}

/**
 * Checks one parsed file on its own: front matter against the schema, the id against the file
 * name, area/system/upstream against their lists, and assembles the typed entry when nothing in
 * the file is wrong. Returns null when the file has errors (they are already on `file.messages`).
 */
export function validateEntry(file: VFile, context: ValidationContext): Entry | null {
  const yaml = file.data.frontmatter;
  if (!yaml) return null;
  const parsed = FrontmatterSchema.safeParse(yaml.value);
  if (!parsed.success) {
    reportIssues(file, parsed.error.issues, yaml, FRONTMATTER_FIELDS);
    return null;
  }
  const fm = parsed.data;
  checkIdAndArea(file, fm, context, "id-filename-mismatch");
  const { systems } = context.taxonomy;
  if (!systems.some((s) => s.slug === fm.system)) {
    report(file, "system-unknown", { place: yaml.rangeOf(["system"]) }, fm.system, systems.map((s) => s.slug));
  }
  fm.upstream.forEach((id, index) => {
    if (!context.upstreamIds.has(id)) report(file, "upstream-unknown", { place: yaml.rangeOf(["upstream", index]) }, id);
  });

  const outline = file.data.outline;
  if (!outline || outline.kind !== fm.kind || file.messages.some((m) => m.fatal)) return null;
  const assembled = { ...fm, ...outline.body, source: sourceOf(file, context) };
  const entry = EntrySchema.safeParse(assembled);
  if (!entry.success) {
    reportIssues(file, entry.error.issues, yaml, FRONTMATTER_FIELDS, assembled);
    return null;
  }
  return entry.data;
}

/** Checks one parsed flow file on its own, like `validateEntry` does for entries. */
export function validateFlow(file: VFile, context: ValidationContext): Flow | null {
  const yaml = file.data.frontmatter;
  if (!yaml) return null;
  const parsed = FlowFrontmatterSchema.safeParse(yaml.value);
  if (!parsed.success) {
    reportIssues(file, parsed.error.issues, yaml, FLOW_FIELDS);
    return null;
  }
  const fm = parsed.data;
  checkIdAndArea(file, fm, context, "flow-id-filename-mismatch");
  const body = file.data.flow;
  if (!body || file.messages.some((m) => m.fatal)) return null;
  const assembled = { ...fm, ...body, source: sourceOf(file, context) };
  const flow = FlowSchema.safeParse(assembled);
  if (!flow.success) {
    reportIssues(file, flow.error.issues, yaml, FLOW_FIELDS, assembled);
    return null;
  }
  return flow.data;
}

/** Ids are URLs and must match the file name; areas must be in the taxonomy. */
function checkIdAndArea(
  file: VFile,
  fm: { id: string; area: string },
  context: ValidationContext,
  mismatch: "id-filename-mismatch" | "flow-id-filename-mismatch",
): void {
  const place = (key: string) => file.data.frontmatter?.rangeOf([key]);
  const expectedId = path.basename(file.path, ".md");
  if (fm.id !== expectedId) report(file, mismatch, { place: place("id") }, fm.id, expectedId);
  const { areas } = context.taxonomy;
  if (!areas.some((a) => a.slug === fm.area)) report(file, "area-unknown", { place: place("area") }, fm.area, areas.map((a) => a.slug));
}

function sourceOf(file: VFile, context: ValidationContext) {
  return { path: path.relative(context.contentDir, file.path).split(path.sep).join("/"), line: 1 };
}
