import { TRIAGE_START, wizardKey } from "@/urls";
import type { KnowledgeGraph } from "@/content/graph";
import type { Cause, Flow, FlowTarget, Problem } from "@/content/schema";
import { ANSWER, type Option, type Step, type StepId, type WizardGraph } from "./model";

/** Step ids, readable in logs and tests. */
export const stepIds = {
  triage: "triage",
  area: (area: string) => `triage/${area}`,
  flow: (flow: string, step: string) => `flow/${flow}/${step}`,
  check: (entry: string, cause: string) => `problem/${entry}/check/${cause}`,
  fix: (entry: string, cause: string) => `problem/${entry}/fix/${cause}`,
  solved: (entry: string, cause: string) => `problem/${entry}/solved/${cause}`,
  unsolved: (entry: string | null) => (entry ? `problem/${entry}/unsolved` : "unsolved"),
  article: (entry: string) => `entry/${entry}`,
};

export const TRIAGE_KEY = TRIAGE_START;
export const TRIAGE_TITLE = "引导式排查";

export interface BuildOptions {
  /** The order a problem's causes are asked in (default: the author's; see src/feedback/cause-order.ts). */
  readonly causeOrder?: (problem: Problem) => readonly Cause[];
}

/** Derives every wizard from the knowledge graph. Pure: the same graph and order give the same wizards. */
export function buildWizardGraph(graph: KnowledgeGraph, options: BuildOptions = {}): WizardGraph {
  const causesOf = options.causeOrder ?? ((problem: Problem) => problem.causes);
  const steps = new Map<StepId, Step>();
  const starts = new Map<string, StepId>();
  const add = (step: Step) => steps.set(step.id, step);

  for (const entry of graph.entries) if (entry.kind === "problem") addProblem(entry, causesOf(entry), add, starts);
  // A flow may end at a guide or a question: that entry becomes a final step, made when first used.
  const entryTarget = (target: FlowTarget & { kind: "entry" }) => {
    const entry = graph.byId.get(target.entry);
    if (entry?.kind === "problem") return stepIds.check(entry.id, target.cause ?? causesOf(entry)[0]?.id ?? "");
    const id = stepIds.article(target.entry);
    if (entry && !steps.has(id)) add({ kind: "article", id, wizard: { key: entry.id, title: entry.title }, question: entry.title, options: [], entryId: entry.id });
    return id;
  };
  for (const flow of graph.flows) addFlow(flow, entryTarget, add, starts);

  const triage = { key: TRIAGE_KEY, title: TRIAGE_TITLE };
  add({ kind: "unsolved", id: stepIds.unsolved(null), wizard: triage, question: "没有找到对应的问题", options: [], entryId: null });
  const areas = graph.taxonomy.areas
    .map((area) => ({
      area,
      flows: graph.flows.filter((f) => f.area === area.slug),
      problems: graph.entries.filter((e): e is Problem => e.kind === "problem" && e.area === area.slug),
    }))
    .filter((a) => a.flows.length + a.problems.length > 0);
  for (const { area, flows, problems } of areas) {
    add({
      kind: "choice",
      id: stepIds.area(area.slug),
      wizard: triage,
      question: `${area.label}：具体是哪种情况？`,
      body: null,
      options: [
        ...flows.map((f) => ({ key: f.id, label: f.title, target: stepIds.flow(f.id, f.steps[0]?.id ?? "") })),
        ...problems.map((p) => ({ key: p.id, label: p.title, target: stepIds.check(p.id, causesOf(p)[0]?.id ?? "") })),
        { key: "none", label: "都不是", target: stepIds.unsolved(null) },
      ],
    });
  }
  add({
    kind: "choice",
    id: stepIds.triage,
    wizard: triage,
    question: "你遇到了什么问题？",
    body: null,
    options: areas.map(({ area }) => ({ key: area.slug, label: area.label, target: stepIds.area(area.slug) })),
  });
  starts.set(TRIAGE_KEY, stepIds.triage);
  return { steps, starts };
}

function addProblem(problem: Problem, causes: readonly Cause[], add: (step: Step) => void, starts: Map<string, StepId>): void {
  const wizard = { key: problem.id, title: problem.title };
  const unsolved = stepIds.unsolved(problem.id);
  causes.forEach((cause, index) => {
    const next = causes[index + 1];
    const onward = next ? stepIds.check(problem.id, next.id) : unsolved;
    const common = { entryId: problem.id, causeId: cause.id, causeTitle: cause.title, wizard };
    add({
      ...common,
      kind: "check",
      id: stepIds.check(problem.id, cause.id),
      question: cause.check.question,
      body: cause.check.details,
      options: [
        { key: ANSWER.yes, label: "是", target: stepIds.fix(problem.id, cause.id) },
        { key: ANSWER.no, label: "否", target: onward },
        { key: ANSWER.unsure, label: "不确定", target: onward },
      ],
    });
    add({
      ...common,
      kind: "fix",
      id: stepIds.fix(problem.id, cause.id),
      question: "按上面的步骤处理后，问题解决了吗？",
      fix: cause.fix,
      options: [
        { key: ANSWER.yes, label: "解决了", target: stepIds.solved(problem.id, cause.id) },
        { key: ANSWER.no, label: next ? "没有，继续排查下一个原因" : "没有解决", target: onward },
      ],
    });
    add({ ...common, kind: "solved", id: stepIds.solved(problem.id, cause.id), question: "问题已解决", options: [] });
    starts.set(wizardKey(problem.id, cause.id), stepIds.check(problem.id, cause.id));
  });
  add({ kind: "unsolved", id: unsolved, wizard, question: "逐个原因都检查过了，问题还没解决", options: [], entryId: problem.id });
  const first = causes[0];
  if (first) starts.set(problem.id, stepIds.check(problem.id, first.id));
}

function addFlow(
  flow: Flow,
  entryTarget: (target: FlowTarget & { kind: "entry" }) => StepId,
  add: (step: Step) => void,
  starts: Map<string, StepId>,
): void {
  const wizard = { key: flow.id, title: flow.title };
  for (const step of flow.steps) {
    const options: Option[] = step.options.map((option) => ({
      key: optionKey(option.target),
      label: option.label,
      target: option.target.kind === "step" ? stepIds.flow(flow.id, option.target.step) : entryTarget(option.target),
    }));
    add({ kind: "choice", id: stepIds.flow(flow.id, step.id), wizard, question: step.question, body: step.body, options: dedupeKeys(options) });
  }
  const first = flow.steps[0];
  if (first) starts.set(flow.id, stepIds.flow(flow.id, first.id));
}

function optionKey(target: FlowTarget): string {
  if (target.kind === "step") return target.step;
  return wizardKey(target.entry, target.cause);
}

/** Two options may lead to the same place ("否" and "不确定"); their URL keys must still differ. */
function dedupeKeys(options: readonly Option[]): Option[] {
  const seen = new Map<string, number>();
  return options.map((option) => {
    const count = seen.get(option.key) ?? 0;
    seen.set(option.key, count + 1);
    return count === 0 ? option : { ...option, key: `${option.key}.${count + 1}` };
  });
}
