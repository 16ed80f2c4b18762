import type { Root } from "mdast";
import type { Plugin } from "unified";
import type { Point } from "unist";
import { visit } from "unist-util-visit";
import { parseEntryUrl } from "@/urls";

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

/** Collects links to other entries (`/entry/<id>` and `/entry/<id>#cause-<cause>`) for the link stage. */
const remarkEntryLinks: Plugin<[], Root> = () => (tree, file) => {
  const links: EntryLink[] = [];
  visit(tree, "link", (link) => {
    const ref = parseEntryUrl(link.url);
    if (ref) links.push({ ...ref, place: link.position?.start ?? { line: 1, column: 1 } });
  });
  file.data.entryLinks = links;
};

export default remarkEntryLinks;
