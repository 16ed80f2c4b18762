import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeHighlight from "rehype-highlight";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Blocks } from "@/content/schema";
import { aliases, languages, plainText } from "./languages";
import rehypeCallouts from "./rehype-callouts";
import rehypeTableReflow from "./rehype-table-reflow";
import rehypeTaskCheckboxes from "./rehype-task-checkboxes";

/**
 * mdast blocks → safe, highlighted hast. Raw HTML in content is parsed and then sanitised with
 * GitHub's rules (so `<script>`, `on*=` handlers and `javascript:` URLs never reach the page);
 * highlighting and our own attributes (checkboxes, warning callouts) are added after sanitising, so
 * they are not stripped.
 */
const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .use(rehypeHighlight, { languages, aliases, plainText, detect: false })
  .use(rehypeExternalLinks, { target: "_blank", rel: ["noopener", "noreferrer"] })
  .use(rehypeTaskCheckboxes)
  .use(rehypeCallouts)
  .use(rehypeTableReflow)
  .freeze();

// Content is immutable once loaded, so each run of blocks is turned into hast once per process.
const rendered = new WeakMap<Blocks, HastRoot>();

export function toHast(blocks: Blocks): HastRoot {
  const cached = rendered.get(blocks);
  if (cached) return cached;
  const mdast: MdastRoot = { type: "root", children: blocks.nodes };
  const hast = processor.runSync(mdast);
  rendered.set(blocks, hast);
  return hast;
}
