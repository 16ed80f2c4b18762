import GithubSlugger from "github-slugger";
import type { Heading, List, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Plugin } from "unified";
import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { report } from "../messages";
import {
  ENTRY_KINDS,
  SLUG_PATTERN,
  type Blocks,
  type Cause,
  type EntryKind,
  type GuideBody,
  type GuideStep,
  type ProblemBody,
  type QuestionBody,
} from "../schema";
import { sectionKind, type SectionKind } from "../sections";

export type Outline =
  | { readonly kind: "problem"; readonly body: ProblemBody }
  | { readonly kind: "question"; readonly body: QuestionBody }
  | { readonly kind: "guide"; readonly body: GuideBody };

declare module "vfile" {
  interface DataMap {
    outline: Outline;
    /** Where each signature under a cause's `### 特征` is written, by cause id, for cross-file messages. */
    causeSignaturePlaces: Record<string, Position[]>;
  }
}

interface Section {
  readonly heading: Heading;
  readonly title: string;
  readonly children: RootContent[];
}

/**
 * Reads the body's headings, lists and code into the structure of the entry's kind (causes with
 * checks and fixes, an answer, guide steps) and reports every heading that does not fit. Needs
 * `file.data.frontmatter` for the kind; when the kind is unknown the body is left alone, since
 * front-matter validation already says why.
 */
const remarkOutline: Plugin<[], Root> = () => (tree, file) => {
  const kind = kindOf(file.data.frontmatter?.value);
  if (!kind) return;
  const content = tree.children.filter((node) => node.type !== "yaml");
  for (const node of content) {
    if (node.type === "heading" && node.depth === 1) report(file, "heading-level-one", { place: span(node) });
  }
  const { head, sections } = split(content.filter((n) => !(n.type === "heading" && n.depth === 1)), 2);
  const intro = blocks(head);
  const body = buildBody(kind, intro, sections, file, endOfFrontmatter(tree));
  if (body) file.data.outline = body;
};

/** `bodyStart` is where a missing section is reported when there is no heading to point at. */
function buildBody(kind: EntryKind, intro: Blocks | null, sections: Section[], file: VFile, bodyStart: Point): Outline | null {
  switch (kind) {
    case "problem":
      return problemBody(intro, sections, file, bodyStart);
    case "question":
      return questionBody(intro, sections, file, bodyStart);
    case "guide":
      return guideBody(intro, sections, file, bodyStart);
  }
}

function problemBody(intro: Blocks | null, sections: Section[], file: VFile, bodyStart: Point): Outline | null {
  const causes: Cause[] = [];
  const firstCause = new Map<string, Position | Point>();
  let notes: Blocks | null = null;
  let notesAt: Position | Point | null = null;
  let complete = true;
  for (const section of sections) {
    const kind = sectionKind(section.title, 2);
    if (kind?.name === "cause") {
      const cause = readCause(section, kind.rest, firstCause, file);
      if (cause) causes.push(cause);
      else complete = false;
    } else if (kind?.name === "notes") {
      if (notesAt) {
        duplicate(file, section, notesAt);
        complete = false;
        continue;
      }
      notesAt = span(section.heading);
      notes = nonEmpty(section, file);
    } else {
      report(file, "section-unknown", { place: span(section.heading) }, `## ${section.title}`, ["## 原因：…", "## 说明"]);
      complete = false;
    }
  }
  if (sections.every((s) => sectionKind(s.title, 2)?.name !== "cause")) {
    report(file, "problem-without-causes", { place: sections[0] ? span(sections[0].heading) : bodyStart });
    return null;
  }
  return complete ? { kind: "problem", body: { intro, causes, notes } } : null;
}

function readCause(section: Section, rest: string, seen: Map<string, Position | Point>, file: VFile): Cause | null {
  const place = span(section.heading);
  const line = start(section.heading).line;
  const title = rest.trim();
  const id = section.heading.data?.explicitId;
  let ok = true;
  if (title === "") {
    report(file, "cause-title-missing", { place });
    ok = false;
  }
  if (id === undefined || id === "") {
    report(file, "cause-id-missing", { place }, title);
    ok = false;
  } else if (!SLUG_PATTERN.test(id)) {
    report(file, "cause-id-invalid", { place }, id);
    ok = false;
  } else if (seen.has(id)) {
    report(file, "cause-id-duplicate", { place, cause: firstHere(seen.get(id)) }, id);
    ok = false;
  } else {
    seen.set(id, place);
  }
  const causeId = id ?? "";
  const { head, sections } = split(section.children, 3);
  const found = new Map<SectionKind["name"], Section>();
  for (const sub of sections) {
    const kind = sectionKind(sub.title, 3);
    if (!kind) {
      report(file, "section-unknown", { place: span(sub.heading) }, `### ${sub.title}`, ["### 检查", "### 解决", "### 特征"]);
      ok = false;
      continue;
    }
    const first = found.get(kind.name);
    if (first) {
      duplicate(file, sub, span(first.heading));
      ok = false;
      continue;
    }
    found.set(kind.name, sub);
  }
  const checkSection = found.get("check");
  const fixSection = found.get("fix");
  const signatureSection = found.get("signatures");
  if (!checkSection) report(file, "cause-check-missing", { place }, causeId);
  if (!fixSection) report(file, "cause-fix-missing", { place }, causeId);
  const check = checkSection ? readCheck(checkSection, causeId, file) : null;
  const fix = fixSection ? nonEmpty(fixSection, file) : null;
  const signatures = signatureSection ? readSignatures(signatureSection, causeId, file) : [];
  if (!ok || !check || !fix || !signatures) return null;
  return { id: causeId, title, description: blocks(head), signatures, check, fix, line };
}

function readCheck(section: Section, causeId: string, file: VFile): Cause["check"] | null {
  const [first, ...rest] = section.children;
  const question = first?.type === "paragraph" ? toString(first).trim() : "";
  if (!/[？?]$/.test(question)) {
    report(file, "check-not-question", { place: first ? start(first) : start(section.heading) }, causeId);
    return null;
  }
  return { question, details: blocks(rest) };
}

function readSignatures(section: Section, causeId: string, file: VFile): string[] | null {
  const lists = section.children.filter((n): n is List => n.type === "list");
  if (lists.length === 0 || lists.length !== section.children.length) {
    report(file, "signatures-not-list", { place: span(section.heading) });
    return null;
  }
  const items = lists.flatMap((list) => list.children.map((item) => ({ text: toString(item).trim(), place: item.position }))).filter((i) => i.text !== "");
  const places = (file.data.causeSignaturePlaces ??= {});
  places[causeId] = items.flatMap((i) => (i.place ? [i.place] : []));
  return items.map((i) => i.text);
}

function questionBody(intro: Blocks | null, sections: Section[], file: VFile, bodyStart: Point): Outline | null {
  let answer: Blocks | null = null;
  let notes: Blocks | null = null;
  const seen = new Map<string, Position | Point>();
  let complete = true;
  for (const section of sections) {
    const name = sectionKind(section.title, 2)?.name;
    if (name !== "answer" && name !== "notes") {
      report(file, "section-unknown", { place: span(section.heading) }, `## ${section.title}`, ["## 回答", "## 说明"]);
      complete = false;
      continue;
    }
    const first = seen.get(name);
    if (first) {
      duplicate(file, section, first);
      complete = false;
      continue;
    }
    seen.set(name, span(section.heading));
    const content = nonEmpty(section, file);
    if (!content) complete = false;
    if (name === "answer") answer = content;
    else notes = content;
  }
  if (!seen.has("answer")) {
    report(file, "answer-missing", { place: sections[0] ? span(sections[0].heading) : bodyStart });
    return null;
  }
  if (!complete || !answer) return null;
  const shortAnswer = toString(answer.nodes[0]).trim() || answer.text.trim();
  return { kind: "question", body: { intro, answer, shortAnswer, notes } };
}

function guideBody(intro: Blocks | null, sections: Section[], file: VFile, bodyStart: Point): Outline | null {
  if (sections.length === 0) {
    report(file, "guide-without-steps", { place: bodyStart });
    return null;
  }
  const slugger = new GithubSlugger();
  const steps: GuideStep[] = [];
  for (const section of sections) {
    const body = nonEmpty(section, file);
    const id = slugger.slug(section.title);
    // An anchor is made of the heading's letters and digits: `## ！！` would have none.
    if (id === "" || id.replace(/-/g, "") === "") {
      report(file, "guide-step-no-words", { place: span(section.heading) }, headingText(section));
      continue;
    }
    if (!body) continue;
    const checklist = section.children
      .filter((n): n is List => n.type === "list")
      .flatMap((list) => list.children.filter((item) => typeof item.checked === "boolean"))
      .map((item) => ({ text: toString(item).trim() }));
    steps.push({ id, title: section.title, body, checklist });
  }
  return steps.length === sections.length ? { kind: "guide", body: { intro, steps } } : null;
}

function split(nodes: readonly RootContent[], depth: 2 | 3): { head: RootContent[]; sections: Section[] } {
  const head: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of nodes) {
    if (node.type === "heading" && node.depth === depth) {
      sections.push({ heading: node, title: toString(node).trim(), children: [] });
    } else {
      (sections.at(-1)?.children ?? head).push(node);
    }
  }
  return { head, sections };
}

/** A run of blocks with its plain text, one line per block, for search and previews. */
export function blocks(nodes: readonly RootContent[]): Blocks | null {
  if (nodes.length === 0) return null;
  return { nodes: [...nodes], text: nodes.map(blockText).join("\n") };
}

const CONTAINERS = new Set(["list", "listItem", "blockquote", "table", "tableRow"]);

/** Like mdast-util-to-string, but keeps block boundaries as line breaks so words do not run together. */
function blockText(node: RootContent): string {
  if (CONTAINERS.has(node.type) && "children" in node) {
    const separator = node.type === "tableRow" ? " | " : "\n";
    return (node.children as RootContent[]).map(blockText).join(separator);
  }
  return toString(node);
}

function nonEmpty(section: Section, file: VFile): Blocks | null {
  const content = blocks(section.children);
  if (!content) report(file, "section-empty", { place: span(section.heading) }, headingText(section));
  return content;
}

function duplicate(file: VFile, section: Section, first: Position | Point): void {
  report(file, "section-duplicate", { place: span(section.heading), cause: firstHere(first) }, headingText(section));
}

function headingText(section: Section): string {
  return `${"#".repeat(section.heading.depth)} ${section.title}`;
}

/** The first occurrence of a duplicated heading, with its range, as remark-lint's no-duplicate-headings gives it. */
function firstHere(place: Position | Point | undefined): VFileMessage {
  return new VFileMessage("First defined here", { place: place ?? { line: 1, column: 1 } });
}

function start(node: RootContent): Point {
  return node.position?.start ?? { line: 1, column: 1 };
}

function span(node: RootContent): Position | Point {
  return node.position ?? { line: 1, column: 1 };
}

/** Where a missing section would go: the first line after the front matter. */
function endOfFrontmatter(tree: Root): Point {
  const yaml = tree.children[0]?.type === "yaml" ? tree.children[0].position : undefined;
  return yaml ? { line: yaml.end.line + 1, column: 1 } : { line: 1, column: 1 };
}

function kindOf(value: unknown): EntryKind | null {
  if (typeof value !== "object" || value === null) return null;
  const kind = (value as Record<string, unknown>)["kind"];
  return ENTRY_KINDS.find((k) => k === kind) ?? null;
}

export default remarkOutline;
