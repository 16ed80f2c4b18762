import type { Root } from "mdast";
import type { Plugin } from "unified";
import type { Point } from "unist";
import { visit } from "unist-util-visit";

export interface EntryLink {
  readonly id: string;
  readonly cause: string | null;
  readonly place: Point;
}

declare module "vfile" {
  interface DataMap {
    entryLinks: EntryLink[];
  }
}

const ENTRY_URL = /^\/entry\/([^/#?]+)\/?(?:#cause-(.+))?$/;

/** Collects links to other entries (`/entry/<id>` and `/entry/<id>#cause-<cause>`) for the link stage. */
const remarkEntryLinks: Plugin<[], Root> = () => (tree, file) => {
  const links: EntryLink[] = [];
  visit(tree, "link", (link) => {
    const match = ENTRY_URL.exec(link.url);
    if (!match) return;
    links.push({
      id: decodeOrKeep(match[1] ?? ""),
      cause: match[2] ?? null,
      place: link.position?.start ?? { line: 1, column: 1 },
    });
  });
  file.data.entryLinks = links;
};

/** A malformed escape is the author's typo, reported later as an unknown entry, not a crash. */
function decodeOrKeep(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default remarkEntryLinks;
