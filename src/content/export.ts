import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import type { KnowledgeGraph } from "./graph";
import type { Blocks, Entry } from "./schema";
import { entryUrl } from "@/urls";

/**
 * The public JSON shape of the graph (`npm run content:export`, documented in the README): the
 * same entries with every Markdown block given as `{ markdown, text }` instead of syntax trees.
 */
export interface ExportedBlocks {
  readonly markdown: string;
  readonly text: string;
}

export function exportBlocks(blocks: Blocks): ExportedBlocks {
  const markdown = toMarkdown({ type: "root", children: blocks.nodes }, { bullet: "-", extensions: [gfmToMarkdown()] }).trim();
  return { markdown, text: blocks.text };
}

const maybe = (blocks: Blocks | null) => (blocks ? exportBlocks(blocks) : null);

export function exportEntry(entry: Entry) {
  const common = {
    id: entry.id,
    kind: entry.kind,
    url: entryUrl(entry.id),
    title: entry.title,
    summary: entry.summary,
    system: entry.system,
    area: entry.area,
    tags: entry.tags,
    signatures: entry.signatures,
    related: entry.related,
    upstream: entry.upstream,
    updated: entry.updated,
    source: entry.source.path,
    intro: maybe(entry.intro),
  };
  switch (entry.kind) {
    case "problem":
      return {
        ...common,
        causes: entry.causes.map((cause) => ({
          id: cause.id,
          url: entryUrl(entry.id, cause.id),
          title: cause.title,
          description: maybe(cause.description),
          signatures: cause.signatures,
          check: { question: cause.check.question, details: maybe(cause.check.details) },
          fix: exportBlocks(cause.fix),
        })),
        notes: maybe(entry.notes),
      };
    case "question":
      return { ...common, shortAnswer: entry.shortAnswer, answer: exportBlocks(entry.answer), notes: maybe(entry.notes) };
    case "guide":
      return {
        ...common,
        steps: entry.steps.map((step) => ({ id: step.id, title: step.title, body: exportBlocks(step.body), checklist: step.checklist })),
      };
  }
}

export function exportGraph(graph: KnowledgeGraph) {
  return {
    version: graph.version,
    areas: graph.taxonomy.areas,
    systems: graph.taxonomy.systems,
    upstream: graph.upstream,
    entries: graph.entries.map(exportEntry),
  };
}
