import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildWizardGraph, stepIds, TRIAGE_KEY } from "@/wizard/build";
import { parseWizardPath, wizardUrl } from "@/urls";
import { next, resolve, stepsAhead, type WizardState } from "@/wizard/engine";
import { ANSWER, TERMINAL_KINDS } from "@/wizard/model";
import { validateWizardGraph } from "@/wizard/validate";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");
const wizards = buildWizardGraph(graph);
const problems = graph.entries.filter((e) => e.kind === "problem");

describe("problem wizards", () => {
  it.each(problems.map((p) => [p.id, p] as const))("%s: a yes at cause i reaches its fix after exactly i checks", (_id, problem) => {
    problem.causes.forEach((cause, i) => {
      const answers = [...Array<string>(i).fill(ANSWER.no), ANSWER.yes];
      const resolved = resolve(wizards, { start: problem.id, answers });
      expect(resolved.ok).toBe(true);
      if (!resolved.ok) return;
      expect(resolved.step.kind).toBe("fix");
      expect(resolved.step.id).toBe(stepIds.fix(problem.id, cause.id));
      expect(resolved.trail.filter((t) => t.step.kind === "check")).toHaveLength(i + 1);
    });
  });

  it("ends in 'not solved' when every cause is ruled out, and in 'solved' when a fix works", () => {
    const problem = problems[0]!;
    const none = resolve(wizards, { start: problem.id, answers: problem.causes.map(() => ANSWER.unsure) });
    expect(none.ok && none.step.kind).toBe("unsolved");
    const solved = resolve(wizards, { start: problem.id, answers: [ANSWER.yes, ANSWER.yes] });
    expect(solved.ok && solved.step.kind).toBe("solved");
  });

  it("can start at a specific cause", () => {
    const problem = problems.find((p) => p.causes.length > 1)!;
    const second = problem.causes[1]!;
    const resolved = resolve(wizards, { start: `${problem.id}~${second.id}`, answers: [] });
    expect(resolved.ok && resolved.step.id).toBe(stepIds.check(problem.id, second.id));
  });
});

describe("the whole wizard graph", () => {
  it("has no unknown targets, dead ends, empty labels, unreachable steps or cycles", () => {
    expect(validateWizardGraph(wizards)).toEqual([]);
  });

  it("ends every path in a final step", () => {
    // Acyclic (checked above), so walking every branch terminates; memoised per step.
    const ends = new Map<string, boolean>();
    const allEnd = (id: string): boolean => {
      const known = ends.get(id);
      if (known !== undefined) return known;
      const step = wizards.steps.get(id)!;
      const result = step.options.length === 0 ? TERMINAL_KINDS.has(step.kind) : step.options.every((o) => allEnd(o.target));
      ends.set(id, result);
      return result;
    };
    for (const start of wizards.starts.values()) expect(allEnd(start), start).toBe(true);
  });

  it("walks triage → area → authored flow → problem", () => {
    const flow = graph.flows[0]!;
    let state: WizardState | null = { start: TRIAGE_KEY, answers: [] };
    state = next(wizards, state, flow.area);
    state = state && next(wizards, state, flow.id);
    const resolved = state && resolve(wizards, state);
    expect(resolved?.ok && resolved.step.id).toBe(stepIds.flow(flow.id, flow.steps[0]!.id));
  });

  it("counts at most as many steps ahead as the longest path", () => {
    const problem = problems.find((p) => p.causes.length === 3)!;
    const first = wizards.steps.get(stepIds.check(problem.id, problem.causes[0]!.id))!;
    // check → fix → check → fix → check → fix → unsolved
    expect(stepsAhead(wizards, first)).toBe(6);
  });

  it("refuses answers that do not belong to the step", () => {
    expect(next(wizards, { start: TRIAGE_KEY, answers: [] }, "nope")).toBeNull();
    const bad = resolve(wizards, { start: problems[0]!.id, answers: ["y", "x"] });
    expect(bad).toMatchObject({ ok: false, reason: "unknown-answer" });
    const past = resolve(wizards, { start: problems[0]!.id, answers: ["y", "y", "y"] });
    expect(past).toMatchObject({ ok: false, reason: "past-the-end" });
  });
});

describe("URL state", () => {
  const walks = fc.array(fc.nat({ max: 20 }), { maxLength: 12 }).map((choices) => {
    const answers: string[] = [];
    let step = wizards.steps.get(stepIds.triage)!;
    for (const choice of choices) {
      if (step.options.length === 0) break;
      const option = step.options[choice % step.options.length]!;
      answers.push(option.key);
      step = wizards.steps.get(option.target)!;
    }
    return { start: TRIAGE_KEY, answers };
  });

  it("survives an encode → decode round trip", () => {
    fc.assert(
      fc.property(walks, (state) => {
        const url = wizardUrl(state);
        const segments = url.split("/").slice(2);
        expect(parseWizardPath(segments)).toEqual(state);
        expect(resolve(wizards, parseWizardPath(segments)!).ok).toBe(true);
      }),
    );
  });

  it("never throws on a fuzzed state string", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 300 }), (segments) => {
        const state = parseWizardPath(segments);
        if (state) resolve(wizards, state);
      }),
      { numRuns: 2000 },
    );
    expect(parseWizardPath(["%E0%A4%A"])).toBeNull();
    expect(parseWizardPath([])).toEqual({ start: TRIAGE_KEY, answers: [] });
  });
});
