import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

/**
 * Makes GFM task-list checkboxes usable: sanitising forces them `disabled`, so this runs after it,
 * enables them, numbers them in document order (`data-task`, the key the page stores ticks under)
 * and labels each with its item's text for screen readers.
 */
const rehypeTaskCheckboxes: Plugin<[], Root> = () => (tree) => {
  let index = 0;
  visit(tree, "element", (node: Element) => {
    if (node.tagName !== "li") return;
    const input = node.children.find(
      (child): child is Element => child.type === "element" && child.tagName === "input" && child.properties.type === "checkbox",
    ) ?? findNestedInput(node);
    if (!input) return;
    const { checked, ...rest } = input.properties;
    // `defaultChecked`, not `checked`: React would otherwise treat the box as controlled and undo every click.
    input.properties = {
      ...rest,
      defaultChecked: checked === true,
      disabled: false,
      dataTask: index++,
      ariaLabel: toString(node).trim() || "检查项",
    };
  });
};

function findNestedInput(li: Element): Element | undefined {
  const first = li.children.find((child): child is Element => child.type === "element" && child.tagName === "p");
  return first?.children.find(
    (child): child is Element => child.type === "element" && child.tagName === "input" && child.properties.type === "checkbox",
  );
}

export default rehypeTaskCheckboxes;
