import { entryUrl } from "@/urls";
import type { FlowOption, FlowStep } from "./schema";

/**
 * What choosing an option of an authored flow says about the causes of a problem, so that the
 * wizard never asks again what the flow already asked (see content/README.md, 诊断流程):
 *
 * - an option that links to a cause (`/entry/<id>#cause-<cause>`) confirms that cause: the
 *   wizard shows its fix without asking its check;
 * - an option whose label starts with 「不确定」 confirms nothing and rules nothing out; linked to
 *   a cause, it asks that cause's check again, this time with how to find out;
 * - any other option rules out the causes that the step's other options confirm.
 */
export interface CauseRef {
  readonly entry: string;
  readonly cause: string;
}

export interface OptionEffect {
  readonly confirms: CauseRef | null;
  /** An unsure answer pointed at a cause: ask its check again, with how to find out. */
  readonly asksAgain: CauseRef | null;
  readonly rulesOut: readonly CauseRef[];
}

export function isUnsureLabel(label: string): boolean {
  return /^\s*不确定/.test(label);
}

function causeOf(option: FlowOption): CauseRef | null {
  const target = option.target;
  return target.kind === "entry" && target.cause !== null ? { entry: target.entry, cause: target.cause } : null;
}

export function optionEffect(step: FlowStep, option: FlowOption): OptionEffect {
  const cause = causeOf(option);
  if (isUnsureLabel(option.label)) return { confirms: null, asksAgain: cause, rulesOut: [] };
  const rulesOut: CauseRef[] = [];
  for (const other of step.options) {
    const confirmed = other === option || isUnsureLabel(other.label) ? null : causeOf(other);
    if (!confirmed || (cause && confirmed.entry === cause.entry && confirmed.cause === cause.cause)) continue;
    if (!rulesOut.some((c) => c.entry === confirmed.entry && c.cause === confirmed.cause)) rulesOut.push(confirmed);
  }
  return { confirms: cause, asksAgain: null, rulesOut };
}

/** Where an option leads, as far as "two options lead to the same place" is concerned. */
export function optionPlace(option: FlowOption): string {
  const target = option.target;
  if (target.kind === "step") return `#${target.step}`;
  if (target.cause === null) return entryUrl(target.entry);
  return `${isUnsureLabel(option.label) ? "check" : "fix"}:${entryUrl(target.entry, target.cause)}`;
}
