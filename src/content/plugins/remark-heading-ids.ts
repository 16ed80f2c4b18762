import type { Heading, Root } from "mdast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

declare module "mdast" {
  interface HeadingData {
    /** The author's explicit id from a trailing `{#id}`, without the braces. */
    explicitId?: string;
  }
}

const TRAILING_ID = /\s*\{#([^{}]*)\}\s*$/;

/**
 * Moves a trailing `{#id}` (the custom-id syntax of pandoc, kramdown and Docusaurus) from a
 * heading's text into `heading.data.explicitId`, so that the visible title stays clean.
 */
const remarkHeadingIds: Plugin<[], Root> = () => (tree) => {
  visit(tree, "heading", (heading: Heading) => {
    const last = heading.children.at(-1);
    if (last?.type !== "text") return;
    const match = TRAILING_ID.exec(last.value);
    if (!match) return;
    last.value = last.value.slice(0, match.index);
    if (last.value === "") heading.children.pop();
    heading.data = { ...heading.data, explicitId: (match[1] ?? "").trim() };
  });
};

export default remarkHeadingIds;
