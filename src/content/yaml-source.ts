import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { report } from "./messages";

export interface YamlData {
  /** The parsed value, not yet validated. */
  readonly value: unknown;
  /** Where a key, or an item inside a key's value, is written; the block's start when unknown. */
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
    placeOf: (path) => placeIn(doc, path, toPoint) ?? start,
    rangeOf: (path) => {
      const range = rangeIn(doc, path);
      return range ? { start: toPoint(range[0]), end: toPoint(range[1]) } : block;
    },
  };
}

function rangeIn(doc: Document, path: readonly PropertyKey[]): [number, number] | undefined {
  const [head, ...rest] = path;
  if (head === undefined || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === head);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  if (rest.length > 0) {
    const inner: unknown = doc.getIn(path as unknown[], true);
    const range = (inner as { range?: [number, number, number] } | undefined)?.range;
    return range ? [range[0], range[1]] : undefined;
  }
  const value = (pair.value as { range?: [number, number, number] } | null)?.range;
  return [pair.key.range[0], value ? value[1] : pair.key.range[1]];
}

function placeIn(doc: Document, path: readonly PropertyKey[], toPoint: (offset: number) => Point): Point | undefined {
  const [head, ...rest] = path;
  if (head === undefined || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === head);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  if (rest.length > 0) {
    const inner: unknown = doc.getIn(path as unknown[], true);
    const range = (inner as { range?: [number, number, number] } | undefined)?.range;
    if (range) return toPoint(range[0]);
  }
  return toPoint(pair.key.range[0]);
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
