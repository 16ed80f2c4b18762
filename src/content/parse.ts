import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { VFile } from "vfile";
import { report } from "./messages";
import remarkCheckContent from "./plugins/remark-check-content";
import remarkCheckHtml from "./plugins/remark-check-html";
import remarkEntryLinks from "./plugins/remark-entry-links";
import remarkFlowOutline from "./plugins/remark-flow-outline";
import remarkHeadingIds from "./plugins/remark-heading-ids";
import remarkOutline from "./plugins/remark-outline";
import remarkReadFrontmatter from "./plugins/remark-read-frontmatter";

/**
 * What every content file goes through: Markdown with GFM, its front matter read, heading ids
 * taken out, and hostile or foreign HTML reported.
 */
const base = () =>
  unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkReadFrontmatter).use(remarkHeadingIds).use(remarkCheckHtml);

const processor = base().use(remarkOutline).use(remarkEntryLinks).use(remarkCheckContent, { kind: "entry" }).freeze();
const flowProcessor = base().use(remarkFlowOutline).use(remarkCheckContent, { kind: "flow" }).freeze();

/** Parses one authored flow file; its steps travel on `file.data.flow`. */
export function parseFlow(file: VFile): Root | null {
  return run(flowProcessor, file);
}

/**
 * Parses one entry file; results travel on `file.data` (frontmatter, outline, entryLinks) and
 * problems on `file.messages`. A file whose bytes were refused at load time is skipped.
 */
export function parseEntry(file: VFile): Root | null {
  return run(processor, file);
}

function run(p: typeof processor | typeof flowProcessor, file: VFile): Root | null {
  if (file.messages.some((m) => m.fatal)) return null;
  try {
    return p.runSync(p.parse(file), file);
  } catch (error) {
    report(file, "internal-error", {}, error instanceof Error ? error.message : String(error));
    return null;
  }
}
