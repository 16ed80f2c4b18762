import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";

/** The marker an author writes on the first line of a blockquote (GitHub's alert syntax): `> [!WARNING]`. */
const MARKER = /^\s*\[!WARNING\][ \t]*\n?/i;

/**
 * Turns a `> [!WARNING]` blockquote into a warning callout: a note landmark with a visible label
 * (警告), so that it reads as a warning to sighted and screen-reader users alike. Runs after
 * sanitising, like the other plugins that add our own attributes. content:check has already refused
 * every other `[!…]` marker, so only WARNING is handled.
 */
const rehypeCallouts: Plugin<[], Root> = () => (tree) => {
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== "blockquote") return;
    const first = node.children.find((c): c is Element => c.type === "element");
    const text = first?.tagName === "p" ? first.children[0] : undefined;
    if (!first || text?.type !== "text" || !MARKER.test(text.value)) return;
    text.value = text.value.replace(MARKER, "");
    if (text.value === "") first.children.shift();
    const firstChild = first.children[0];
    if (firstChild?.type === "element" && firstChild.tagName === "br") first.children.shift();
    const body: ElementContent[] = node.children.filter((c) => !(c === first && isEmpty(first)));
    node.tagName = "div";
    node.properties = { className: ["callout", "callout-warning"], role: "note", ariaLabel: "警告" };
    node.children = [
      {
        type: "element",
        tagName: "p",
        properties: { className: ["callout-title"] },
        children: [
          { type: "element", tagName: "span", properties: { className: ["callout-icon"], ariaHidden: "true" }, children: [{ type: "text", value: "!" }] },
          { type: "text", value: "警告" },
        ],
      },
      ...body,
    ];
    return SKIP;
  });
};

function isEmpty(element: Element): boolean {
  return element.children.every((c) => c.type === "text" && c.value.trim() === "");
}

export default rehypeCallouts;
