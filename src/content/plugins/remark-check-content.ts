import type { Code, Heading, InlineCode, Link, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Plugin } from "unified";
import type { Point } from "unist";
import { visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { location } from "vfile-location";
import { report } from "../messages";
import { codeWithoutComments, isShell } from "../rules/code";
import { containerCommands, hasComposeCommand, type ContainerCommand } from "../rules/compose";
import { dangerousCommands, dangerousSteps } from "../rules/dangerous";
import { EXAMPLE_MARK, referralLinks, shellPlaceholders, upstreamExamples } from "../rules/examples";
import { judgeQuestion, type PolarityFinding } from "../rules/polarity";
import { signatureFault } from "../rules/signatures";
import { POLARITY_YES_IS_FAULT } from "../schema";
import { sectionKind } from "../sections";

export interface CheckContentOptions {
  /** Entries have checks, signatures and front-matter text; flows have steps whose options are labelled answers. */
  readonly kind: "entry" | "flow";
}

/** A run of blocks under one `##` or `###` heading (or before the first): the "same section" of the rules. */
interface Unit {
  readonly heading: Heading | null;
  readonly nodes: RootContent[];
  /** Whether the reader is told to do what it says (a fix, a guide step, an answer, a flow step). */
  readonly instructs: boolean;
  /** For a `### 检查` unit: the id of its cause. */
  readonly checkOf: string | null;
}

/**
 * The rules that keep content true, safe to copy and written for every reader (see
 * content/README.md): check polarity, warnings before dangerous commands, signatures that are
 * error text, upstream values marked as examples, shell-safe placeholders, no referral links, and a
 * docker-compose form beside commands that name a compose service as a container. Every message
 * points at the text it is about.
 */
const remarkCheckContent: Plugin<[CheckContentOptions], Root> = (options) => (tree, file) => {
  const at = positions(file);
  const kind = options.kind === "flow" ? "flow" : frontmatterKind(file);
  const units = splitUnits(tree, kind);
  for (const unit of units) checkUnit(unit, file, at);
  checkFrontmatterText(file);
  if (options.kind === "flow") {
    checkFlowQuestions(units, file);
    return;
  }
  checkSignatures(tree, file);
  checkPolarity(units, file);
};

type Kind = "problem" | "question" | "guide" | "flow" | null;

function frontmatterKind(file: VFile): Kind {
  const value = file.data.frontmatter?.value;
  const kind = typeof value === "object" && value !== null ? (value as Record<string, unknown>)["kind"] : undefined;
  return kind === "problem" || kind === "question" || kind === "guide" ? kind : null;
}

function splitUnits(tree: Root, kind: Kind): Unit[] {
  const units: Unit[] = [];
  let current: Unit = { heading: null, nodes: [], instructs: kind !== "problem" && kind !== "flow", checkOf: null };
  let cause: string | null = null;
  for (const node of tree.children) {
    if (node.type === "yaml") continue;
    if (node.type === "heading" && node.depth <= 3) {
      units.push(current);
      const title = toString(node).trim();
      const section = sectionKind(title, node.depth === 2 ? 2 : 3);
      if (node.depth <= 2) cause = section?.name === "cause" ? (node.data?.explicitId ?? null) : null;
      const instructs = kind === "problem" ? node.depth === 3 && section?.name === "fix" : kind !== null;
      const checkOf = kind === "problem" && node.depth === 3 && section?.name === "check" ? cause : null;
      current = { heading: node, nodes: [], instructs, checkOf };
    } else {
      current.nodes.push(node);
    }
  }
  units.push(current);
  return units.filter((u) => u.heading !== null || u.nodes.length > 0);
}

interface Positions {
  /** The place of `index` inside `value`, a string that starts at `start` in the file. */
  inText(start: Point, value: string, index: number): Point;
  /** The place of `index` inside a code block's value. */
  inCode(node: Code, index: number): Point;
  offset(point: Point): number;
}

function positions(file: VFile): Positions {
  const source = String(file.value);
  const lines = source.split("\n");
  const place = location(file);
  // A string's later lines are indented by list or quote markers in the file; find the fragment on its line.
  // `at` is the place of interest inside the fragment.
  const onLine = (line: number, fragment: string, at: number, fallback: number): Point => {
    const column = (lines[line - 1] ?? "").indexOf(fragment);
    return { line, column: column >= 0 ? column + at + 1 : fallback };
  };
  return {
    inText(start, value, index) {
      const before = value.slice(0, index);
      const breaks = before.split("\n").length - 1;
      if (breaks === 0) return { line: start.line, column: start.column + index };
      const lineStart = before.lastIndexOf("\n") + 1;
      const rest = value.slice(index).split("\n")[0] ?? "";
      return onLine(start.line + breaks, value.slice(lineStart, index) + rest, index - lineStart, 1);
    },
    inCode(node, index) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      const before = node.value.slice(0, index);
      const lineIndex = before.split("\n").length - 1;
      const lineStart = before.lastIndexOf("\n") + 1;
      const lineText = node.value.split("\n")[lineIndex] ?? "";
      const line = start.line + 1 + lineIndex; // the opening fence is on the block's first line
      const column = (lines[line - 1] ?? "").indexOf(lineText);
      return { line, column: (column >= 0 ? column : start.column - 1) + (index - lineStart) + 1 };
    },
    offset: (point) => place.toOffset(point) ?? 0,
  };
}

function start(node: Nodes): Point {
  return node.position?.start ?? { line: 1, column: 1 };
}

const WARNING_MARKER = /^\[!([A-Za-z]+)\]/;

function checkUnit(unit: Unit, file: VFile, at: Positions): void {
  const warnings: number[] = [];
  const dangers: { place: Point; text: string; what: string }[] = [];
  const containers: (ContainerCommand & { place: Point })[] = [];
  let commands = "";
  // The heading is visited for its prose (examples, links); a warning can only come from the blocks under it.
  const root: Root = { type: "root", children: unit.heading ? [unit.heading, ...unit.nodes] : unit.nodes };

  visitParents(root, (node, ancestors) => {
    switch (node.type) {
      case "blockquote": {
        const first = node.children[0];
        const text = first?.type === "paragraph" && first.children[0]?.type === "text" ? first.children[0].value : "";
        const marker = WARNING_MARKER.exec(text);
        if (marker?.[1]?.toUpperCase() === "WARNING") warnings.push(at.offset(start(node)));
        else if (marker) report(file, "callout-unknown", { place: start(node) }, marker[0]);
        return;
      }
      case "code": {
        const code = codeWithoutComments(node.value, node.lang);
        commands += "\n" + code;
        for (const danger of dangerousCommands(code)) dangers.push({ ...danger, place: at.inCode(node, danger.index) });
        for (const command of containerCommands(code)) containers.push({ ...command, place: at.inCode(node, command.index) });
        for (const found of upstreamExamples(code)) report(file, "example-in-command", { place: at.inCode(node, found.index) }, found.text);
        if (isShell(node.lang)) {
          for (const found of shellPlaceholders(code)) report(file, "placeholder-in-shell", { place: at.inCode(node, found.index) }, found.text);
        }
        return;
      }
      case "inlineCode": {
        commands += "\n" + node.value;
        const origin = shifted(start(node), 1);
        for (const danger of dangerousCommands(node.value)) dangers.push({ ...danger, place: at.inText(origin, node.value, danger.index) });
        for (const command of containerCommands(node.value)) containers.push({ ...command, place: at.inText(origin, node.value, command.index) });
        checkExamplesInProse(node, origin, ancestors, file, at);
        return;
      }
      case "text": {
        if (unit.instructs) {
          for (const danger of dangerousSteps(node.value)) dangers.push({ ...danger, place: at.inText(start(node), node.value, danger.index) });
        }
        checkExamplesInProse(node, start(node), ancestors, file, at);
        return;
      }
      case "link": {
        checkLink(node, ancestors, file);
        return;
      }
      default:
        return;
    }
  });

  for (const danger of dangers) {
    const offset = at.offset(danger.place);
    if (!warnings.some((w) => w < offset)) report(file, "dangerous-without-warning", { place: danger.place }, danger.text, danger.what);
  }
  for (const command of containers) {
    if (!hasComposeCommand(commands, command.service)) {
      report(file, "compose-command-missing", { place: command.place }, command.text.trim(), command.service);
    }
  }
}

function shifted(point: Point, columns: number): Point {
  return { line: point.line, column: point.column + columns };
}

/** The paragraph, heading or table cell a piece of prose belongs to: the unit an example must be marked in. */
function blockOf(ancestors: readonly Nodes[]): Nodes | undefined {
  return [...ancestors].reverse().find((n) => n.type === "paragraph" || n.type === "heading" || n.type === "tableCell");
}

function checkExamplesInProse(node: Text | InlineCode, origin: Point, ancestors: readonly Nodes[], file: VFile, at: Positions): void {
  const found = upstreamExamples(node.value);
  if (found.length === 0) return;
  const block = blockOf(ancestors);
  if (block && toString(block).includes(EXAMPLE_MARK)) return;
  for (const example of found) report(file, "example-unmarked", { place: at.inText(origin, node.value, example.index) }, example.text, describe(example.value));
}

function checkLink(node: Link, ancestors: readonly Nodes[], file: VFile): void {
  for (const found of referralLinks(node.url)) report(file, "referral-link", { place: start(node) }, found.text);
  const examples = upstreamExamples(node.url);
  const block = blockOf(ancestors);
  if (examples.length > 0 && !(block && toString(block).includes(EXAMPLE_MARK))) {
    report(file, "example-unmarked", { place: start(node) }, examples[0]?.text ?? node.url, "domain");
  }
}

function describe(value: string): string {
  if (value === "8000") return "port";
  if (value.startsWith("/")) return "API path";
  if (value.includes(".")) return "domain";
  return "service name";
}

/** Title and summary are shown on their own (lists, search results), so they cannot lean on a placeholder. */
function checkFrontmatterText(file: VFile): void {
  const yaml = file.data.frontmatter;
  const value = yaml?.value;
  if (!yaml || typeof value !== "object" || value === null) return;
  for (const field of ["title", "summary"] as const) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text !== "string" || text.includes(EXAMPLE_MARK)) continue;
    const found = upstreamExamples(text)[0];
    if (found) report(file, "example-unmarked", { place: yaml.placeOf([field]) }, found.text, describe(found.value));
  }
}

function checkSignatures(tree: Root, file: VFile): void {
  const yaml = file.data.frontmatter;
  const list = (yaml?.value as Record<string, unknown> | undefined)?.["signatures"];
  if (yaml && Array.isArray(list)) {
    list.forEach((item, index) => {
      if (typeof item === "string" || typeof item === "number") checkSignature(String(item).trim(), yaml.placeOf(["signatures", index]), file);
    });
  }
  // The `### 特征` lists of causes.
  let inSignatures = false;
  for (const node of tree.children) {
    if (node.type === "heading") inSignatures = node.depth === 3 && sectionKind(toString(node).trim(), 3)?.name === "signatures";
    else if (inSignatures && node.type === "list") {
      for (const item of node.children as ListItem[]) checkSignature(toString(item).trim(), start(item), file);
    }
  }
}

function checkSignature(signature: string, place: Point, file: VFile): void {
  if (signature === "") return;
  if (upstreamExamples(signature).length > 0) {
    report(file, "example-in-signature", { place }, signature);
    return;
  }
  const fault = signatureFault(signature);
  if (!fault) return;
  switch (fault.kind) {
    case "bare-code":
      report(file, "signature-bare-code", { place }, signature);
      return;
    case "generic":
      report(file, "signature-generic", { place }, signature);
      return;
    case "single-word":
      report(file, "signature-single-word", { place }, signature);
      return;
    case "config":
      report(file, "signature-config", { place }, signature, fault.key);
      return;
  }
}

/** The question's words with inline code kept in backticks, so that the judge can tell it from the question itself. */
function phrasing(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type === "inlineCode") return `\`${node.value}\``;
      return "children" in node ? phrasing(node.children) : "";
    })
    .join("");
}

function checkPolarity(units: readonly Unit[], file: VFile): void {
  const yaml = file.data.frontmatter;
  const raw = (yaml?.value as Record<string, unknown> | undefined)?.["polarity"];
  const marks = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const checked = new Set<string>();
  for (const unit of units) {
    if (unit.checkOf === null) continue;
    checked.add(unit.checkOf);
    const question = unit.nodes[0];
    if (question?.type !== "paragraph") continue; // check-not-question reports it
    const marked = marks[unit.checkOf] === POLARITY_YES_IS_FAULT;
    const finding = judgeQuestion(phrasing((question as Paragraph).children));
    if (marked && finding === null) {
      report(file, "polarity-unneeded", { place: yaml?.placeOf(["polarity", unit.checkOf]) }, unit.checkOf);
    }
    if (finding && !(marked && finding.kind === "all-is-well")) {
      reportFinding(file, finding, start(question), `The check of cause \`${unit.checkOf}\``, unit.checkOf);
    }
  }
  for (const cause of Object.keys(marks)) {
    if (!checked.has(cause)) report(file, "polarity-unknown-cause", { place: yaml?.placeOf(["polarity", cause]) }, cause);
  }
}

function checkFlowQuestions(units: readonly Unit[], file: VFile): void {
  for (const unit of units) {
    if (unit.heading?.depth !== 2) continue;
    const id = unit.heading.data?.explicitId ?? toString(unit.heading).trim();
    const finding = judgeQuestion(phrasing(unit.heading.children), { choices: true });
    if (finding) reportFinding(file, finding, start(unit.heading), `Step \`${id}\``, id);
  }
}

function reportFinding(file: VFile, finding: PolarityFinding, place: Point, subject: string, cause: string): void {
  switch (finding.kind) {
    case "negated":
      report(file, "question-negated", { place }, subject, finding.form);
      return;
    case "double-negative":
      report(file, "question-double-negative", { place }, subject, finding.form);
      return;
    case "all-is-well":
      report(file, "check-all-is-well", { place }, cause, finding.form);
      return;
  }
}

export default remarkCheckContent;
