import type { VFile } from "vfile";
import { elsewhere } from "./link";
import { report } from "./messages";
import type { Entry, Flow } from "./schema";

export interface ParsedFlow {
  readonly file: VFile;
  readonly flow: Flow;
}

/**
 * Cross-file checks of authored flows: ids that clash with entries, options that lead nowhere
 * (unknown step, entry or cause), steps the first step cannot reach, and cycles. Returns the
 * flows that pass.
 */
export function linkFlows(parsed: readonly ParsedFlow[], entries: ReadonlyMap<string, Entry>, failedIds: ReadonlySet<string>): Flow[] {
  const kept: Flow[] = [];
  const seen = new Map<string, VFile>();
  for (const { file, flow } of parsed) {
    const errorsBefore = file.messages.filter((m) => m.fatal).length;
    const idPlace = (of: VFile) => of.data.frontmatter?.rangeOf(["id"]) ?? { line: 1, column: 1 };
    if (entries.has(flow.id) || failedIds.has(flow.id)) report(file, "flow-id-taken", { place: idPlace(file) }, flow.id);
    const first = seen.get(flow.id);
    if (first) report(file, "flow-id-duplicate", { place: idPlace(file), cause: elsewhere(first, idPlace(first)) }, flow.id);
    else seen.set(flow.id, file);
    const steps = new Map(flow.steps.map((s) => [s.id, s]));
    for (const step of flow.steps) {
      for (const option of step.options) {
        const place = { line: option.line, column: 1 };
        const target = option.target;
        if (target.kind === "step") {
          if (!steps.has(target.step)) report(file, "flow-target-unknown-step", { place }, target.step);
          continue;
        }
        const entry = entries.get(target.entry);
        if (!entry) {
          if (!failedIds.has(target.entry)) report(file, "flow-target-unknown-entry", { place }, target.entry);
        } else if (target.cause !== null && !(entry.kind === "problem" && entry.causes.some((c) => c.id === target.cause))) {
          report(file, "flow-target-unknown-cause", { place }, target.entry, target.cause);
        }
      }
    }
    checkShape(file, flow);
    if (file.messages.filter((m) => m.fatal).length === errorsBefore) kept.push(flow);
  }
  return kept;
}

/** Every step reachable from the first, and no way to come back to a step already passed. */
function checkShape(file: VFile, flow: Flow): void {
  const next = new Map(
    flow.steps.map((s) => [s.id, s.options.flatMap((o) => (o.target.kind === "step" ? [o.target.step] : []))]),
  );
  const first = flow.steps[0];
  if (!first) return;
  const reached = new Set<string>();
  const state = new Map<string, "open" | "done">();
  let cycleReported = false;
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === "open") {
      if (!cycleReported) {
        const step = flow.steps.find((s) => s.id === id);
        report(file, "flow-cycle", { place: { line: step?.line ?? 1, column: 1 } }, [...trail.slice(trail.indexOf(id)), id].join(" → "));
        cycleReported = true;
      }
      return;
    }
    if (state.get(id) === "done" || !next.has(id)) return;
    state.set(id, "open");
    reached.add(id);
    for (const to of next.get(id) ?? []) visit(to, [...trail, id]);
    state.set(id, "done");
  };
  visit(first.id, []);
  for (const step of flow.steps) {
    if (!reached.has(step.id)) report(file, "flow-step-unreachable", { place: { line: step.line, column: 1 } }, step.id);
  }
}
