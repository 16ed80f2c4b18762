import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { report } from "./messages";

export interface YamlData {
  /** The parsed value, not yet validated. */
  readonly value: unknown;
  /** Where a top-level key, a nested key's value, or a list item is written; the block's start when unknown. */
  readonly placeOf: (path: readonly PropertyKey[]) => Point;
  /**
   * The same place as a range: from the key to the end of its value (or the whole item), for
   * messages that point back at a first occurrence; the whole block when the path is empty or unknown.
   */
  readonly rangeOf: (path: readonly PropertyKey[]) => Position;
}

/**
 * Parses a YAML mapping whose first line sits after line `lineOffset` of `file`, reporting syntax
 * errors at their own line and keeping a way back from a key path to its place in the file.
 */
export function readYamlMapping(source: string, lineOffset: number, file: VFile): YamlData | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: lineOffset + line, column: col };
  };
  for (const error of doc.errors) {
    report(file, "yaml-invalid", { place: toPoint(error.pos[0]) }, firstLine(error.message));
  }
  if (doc.errors.length > 0) return null;
  const start: Point = { line: Math.max(1, lineOffset), column: 1 };
  if (!isMap(doc.contents)) {
    report(file, "frontmatter-not-mapping", { place: start });
    return null;
  }
  let value: unknown;
  try {
    // Aliases are resolved here, not while parsing: an unknown alias or an alias bomb throws.
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    report(file, "yaml-invalid", { place: start }, error instanceof Error ? firstLine(error.message) : String(error));
    return null;
  }
  const block: Position = { start, end: toPoint(source.length) };
  return {
    value,
    placeOf: (path) => {
      // A top-level key is pointed at by its name; a nested one by its value, which is what a
      // schema message about it (`polarity.x: expected …`) is about.
      const at = offsetsOf(doc, path);
      if (!at) return start;
      return toPoint(path.length > 1 && at.value !== undefined ? at.value : at.start);
    },
    rangeOf: (path) => {
      const at = offsetsOf(doc, path);
      return at ? { start: toPoint(at.start), end: toPoint(at.end) } : block;
    },
  };
}

/**
 * Where `path` is written, as offsets: a mapping key from the key to the end of its value (its
 * start is the key's), a list item as the item. For a path that is not written (a missing
 * field), its nearest ancestor that is; undefined when not even the first key is.
 */
function offsetsOf(doc: Document, path: readonly PropertyKey[]): { start: number; end: number; value?: number } | undefined {
  let node: unknown = doc.contents;
  let found: { start: number; end: number; value?: number } | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === part);
      if (!pair || !isScalar(pair.key) || !pair.key.range) return found;
      const value = (pair.value as { range?: [number, number, number] } | null)?.range;
      found = { start: pair.key.range[0], end: value ? value[1] : pair.key.range[1], ...(value ? { value: value[0] } : {}) };
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      const item = node.items[part] as { range?: [number, number, number] } | undefined;
      if (!item?.range) return found;
      found = { start: item.range[0], end: item.range[1] };
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
