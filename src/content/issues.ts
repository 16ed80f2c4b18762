import type { VFile } from "vfile";
import type { z } from "zod";
import { report } from "./messages";
import { ENTRY_KINDS } from "./schema";
import type { YamlData } from "./yaml-source";

/**
 * Turns zod issues into positioned content messages: each issue points at the YAML key (or list
 * item) it is about, the way Astro maps schema errors back to front-matter lines.
 */
export function reportIssues(
  file: VFile,
  issues: readonly z.core.$ZodIssue[],
  yaml: YamlData,
  allowedFields: readonly string[],
  /** The whole assembled value, when the schema checked more than the front matter. */
  body?: unknown,
): void {
  for (const issue of issues) {
    const path = issue.path;
    const place = yaml.placeOf(path);
    const field = formatPath(path);
    if (body !== undefined && path.length > 0 && !allowedFields.includes(String(path[0]))) {
      // Not a front-matter field: the structure the body's plugins built does not fit the schema.
      report(file, "body-invalid", { place: bodyPlace(body, path) }, field, issue.message);
    } else if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        // The allowed fields are known for the top level only (front matter, the list files).
        report(file, "field-unknown", { place: yaml.rangeOf([...path, key]) }, formatPath([...path, key]), path.length === 0 ? allowedFields : []);
      }
    } else if (valueAt(yaml.value, path) === undefined) {
      report(file, "field-missing", { place: yaml.rangeOf(path) }, field);
    } else if (isMapping(valueAt(yaml.value, path)) && path.length > 1) {
      report(file, "field-needs-quotes", { place }, field);
    } else if (issue.code === "invalid_union" && path.length === 1 && path[0] === "kind") {
      report(file, "kind-unknown", { place }, String(valueAt(yaml.value, path)), ENTRY_KINDS);
    } else {
      report(file, "field-invalid", { place }, field, issue.message);
    }
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** The last `line` recorded on the way down `path` (causes and steps carry theirs), else the top. */
function bodyPlace(value: unknown, path: readonly PropertyKey[]): { line: number; column: number } {
  let line = 1;
  let current: unknown = value;
  for (const part of path) {
    if (typeof current !== "object" || current === null) break;
    current = (current as Record<PropertyKey, unknown>)[part];
    const own = typeof current === "object" && current !== null ? (current as { line?: unknown }).line : undefined;
    if (typeof own === "number") line = own;
  }
  return { line, column: 1 };
}

function isMapping(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const part of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
