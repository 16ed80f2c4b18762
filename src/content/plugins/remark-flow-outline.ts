import type { Link, List, ListItem, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Plugin } from "unified";
import type { Point } from "unist";
import type { VFile } from "vfile";
import { report } from "../messages";
import type { FlowBody, FlowStep, FlowTarget } from "../schema";
import { SLUG_PATTERN } from "../schema";
import { blocks } from "./remark-outline";
import { parseEntryUrl } from "@/urls";

declare module "vfile" {
  interface DataMap {
    flow: FlowBody;
  }
}

/**
 * Reads an authored flow: each `##` is a step (its heading the question, `{#id}` its id), the
 * paragraphs under it explain, and the bullet list under it holds the options, each one link
 * whose target is the next step, an entry, or one of an entry's causes.
 */
const remarkFlowOutline: Plugin<[], Root> = () => (tree, file) => {
  const content = tree.children.filter((node) => node.type !== "yaml");
  const sections: { heading: RootContent & { type: "heading" }; children: RootContent[] }[] = [];
  for (const node of content) {
    if (node.type === "heading" && node.depth === 2) sections.push({ heading: node, children: [] });
    else sections.at(-1)?.children.push(node);
  }
  if (sections.length === 0) {
    // Where the first step would go: the line after the front matter.
    const yaml = tree.children[0]?.type === "yaml" ? tree.children[0].position : undefined;
    report(file, "flow-without-steps", { place: yaml ? { line: yaml.end.line + 1, column: 1 } : undefined });
    return;
  }
  const steps: FlowStep[] = [];
  let complete = true;
  for (const { heading, children } of sections) {
    const question = toString(heading).trim();
    const id = heading.data?.explicitId ?? "";
    const place = start(heading);
    if (!SLUG_PATTERN.test(id)) {
      if (id === "") report(file, "flow-step-id-missing", { place: heading.position ?? place }, question);
      else report(file, "flow-step-id-invalid", { place: heading.position ?? place }, id);
      complete = false;
    }
    const lists = children.filter((n): n is List => n.type === "list");
    const options = lists.flatMap((list) => list.children.map((item) => readOption(item, file)));
    if (options.length === 0) {
      report(file, "flow-step-no-options", { place: heading.position ?? place }, id || question);
      complete = false;
    }
    if (options.some((o) => o === null)) complete = false;
    steps.push({
      id,
      question,
      body: blocks(children.filter((n) => n.type !== "list")),
      options: options.filter((o): o is FlowStep["options"][number] => o !== null),
      line: place.line,
    });
  }
  if (complete) file.data.flow = { steps };
};

function readOption(item: ListItem, file: VFile): FlowStep["options"][number] | null {
  const place = start(item);
  const paragraph = item.children.length === 1 && item.children[0]?.type === "paragraph" ? item.children[0] : null;
  const parts = paragraph?.children.filter((c) => !(c.type === "text" && c.value.trim() === "")) ?? [];
  const link = parts.length === 1 && parts[0]?.type === "link" ? (parts[0] as Link) : null;
  if (!link) {
    report(file, "flow-option-invalid", { place });
    return null;
  }
  const label = toString(link).trim();
  if (label === "") {
    report(file, "flow-option-empty", { place });
    return null;
  }
  const target = parseTarget(link.url);
  if (!target) {
    report(file, "flow-option-invalid", { place });
    return null;
  }
  return { label, target, line: place.line };
}

function parseTarget(url: string): FlowTarget | null {
  const step = /^#([^#\s]+)$/.exec(url);
  if (step?.[1]) return { kind: "step", step: step[1] };
  const entry = parseEntryUrl(url);
  return entry ? { kind: "entry", entry: entry.id, cause: entry.cause } : null;
}

function start(node: RootContent): Point {
  return node.position?.start ?? { line: 1, column: 1 };
}

export default remarkFlowOutline;
