import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";

/**
 * Makes tables readable on a phone. Each table is wrapped in a scroll box (focusable, so the
 * keyboard can scroll it, and styled to show a shadow where content is cut off), and every body
 * cell gets its column's header as `data-label`, so that on a narrow screen the stylesheet can lay
 * each row out as a card of "header: value" lines instead of squeezing columns to one character.
 * Runs after sanitising, like the other plugins that add our own attributes.
 */
const rehypeTableReflow: Plugin<[], Root> = () => (tree) => {
  visit(tree, "element", (node: Element, index, parent) => {
    if (node.tagName !== "table" || !parent || index === undefined) return;
    const rows = (tag: string) => node.children.filter((c): c is Element => c.type === "element" && c.tagName === tag).flatMap((section) => section.children.filter((r): r is Element => r.type === "element" && r.tagName === "tr"));
    const headers = (rows("thead")[0]?.children ?? []).filter((c): c is Element => c.type === "element").map((cell) => toString(cell).trim());
    for (const row of rows("tbody")) {
      row.children.filter((c): c is Element => c.type === "element").forEach((cell, i) => {
        const label = headers[i];
        if (label) cell.properties = { ...cell.properties, dataLabel: label };
      });
    }
    node.properties = { ...node.properties, className: ["reflow"] };
    const wrapper: Element = {
      type: "element",
      tagName: "div",
      properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: headers.length > 0 ? `表格：${headers.join("、")}` : "表格" },
      children: [node as ElementContent],
    };
    parent.children[index] = wrapper;
    return SKIP;
  });
};

export default rehypeTableReflow;
