import type { VFile } from "vfile";
import { optionEffect, optionPlace, type CauseRef } from "./flow-semantics";
import { elsewhere } from "./link";
import { report } from "./messages";
import { sameQuestion } from "./question-similarity";
import type { Entry, Flow, FlowStep } from "./schema";

export interface ParsedFlow {
  readonly file: VFile;
  readonly flow: Flow;
}

/**
 * Cross-file checks of authored flows: ids that clash with entries, options that lead nowhere
 * (unknown step, entry or cause), steps the first step cannot reach, cycles, two options of one
 * step that lead to the same place, and a question asked twice on one path. Returns the flows
 * that pass.
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
    checkSamePlace(file, flow);
    if (file.messages.filter((m) => m.fatal).length !== errorsBefore) continue;
    checkRepeatedQuestions(file, flow, entries);
    kept.push(flow);
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

/** Two options of one step that lead to the same place are one option with two labels. */
function checkSamePlace(file: VFile, flow: Flow): void {
  for (const step of flow.steps) {
    const seen = new Map<string, string>();
    for (const option of step.options) {
      const place = optionPlace(option);
      const first = seen.get(place);
      if (first === undefined) seen.set(place, option.label);
      else report(file, "flow-options-same-place", { place: { line: option.line, column: 1 } }, option.label, first);
    }
  }
}

/**
 * Walks every path of the flow into the problems it leads to and reports a flow step whose
 * question is asked again later on that path: by a later step, or by the check of a cause the
 * problem's wizard will still ask (one the path has not confirmed or ruled out).
 */
function checkRepeatedQuestions(file: VFile, flow: Flow, entries: ReadonlyMap<string, Entry>): void {
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const reported = new Set<string>();
  const flag = (earlier: FlowStep, later: string) => {
    const key = `${earlier.id}\0${later}`;
    if (reported.has(key)) return;
    reported.add(key);
    report(file, "flow-question-repeated", { place: { line: earlier.line, column: 1 } }, earlier.question, later);
  };
  const key = (c: CauseRef) => `${c.entry}#${c.cause}`;
  const walk = (step: FlowStep, asked: readonly FlowStep[], settled: ReadonlySet<string>) => {
    for (const earlier of asked) if (sameQuestion(earlier.question, step.question)) flag(earlier, `step \`${step.id}\``);
    const path = [...asked, step];
    for (const option of step.options) {
      const effect = optionEffect(step, option);
      const now = new Set(settled);
      for (const c of effect.rulesOut) now.add(key(c));
      if (effect.confirms) now.add(key(effect.confirms));
      const target = option.target;
      if (target.kind === "step") {
        const next = steps.get(target.step);
        if (next) walk(next, path, now);
        continue;
      }
      const entry = entries.get(target.entry);
      if (entry?.kind !== "problem") continue;
      for (const cause of entry.causes) {
        if (now.has(key({ entry: entry.id, cause: cause.id }))) continue;
        for (const earlier of path) {
          // An unsure answer that points at a cause asks its check again on purpose.
          const again = effect.asksAgain?.cause === cause.id && earlier === step;
          if (!again && sameQuestion(earlier.question, cause.check.question)) flag(earlier, `the check of \`${entry.id}#${cause.id}\``);
        }
      }
    }
  };
  const first = flow.steps[0];
  if (first) walk(first, [], new Set());
}
