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
): void {
  for (const issue of issues) {
    const path = issue.path;
    const place = yaml.placeOf(path);
    const field = formatPath(path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        report(file, "field-unknown", { place: yaml.placeOf([...path, key]) }, formatPath([...path, key]), allowedFields);
      }
    } else if (valueAt(yaml.value, path) === undefined) {
      report(file, "field-missing", { place }, field);
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
