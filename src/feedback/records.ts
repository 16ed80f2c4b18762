import { z } from "zod";
import { getEntry, type KnowledgeGraph } from "@/content/graph";
import { maskSecrets } from "@/search/secrets";
import { WIZARD_HOME } from "@/urls";
import type { WizardGraph } from "@/wizard/model";
import { FEEDBACK_CONFIG } from "./config";
import type { PendingRecord } from "./queue";
import { OUTCOMES, type NewSearchOpen, type NewVote, type NewWizardOutcome, type Outcome } from "./schema";
import { endingOf, positionId, wizardWalkAt } from "./wizard-positions";

/**
 * The bodies of POST /api/feedback and POST /api/events (documented in the README), checked
 * against the content: every id must exist, and a wizard outcome must be the one its step is.
 * JSON and HTML-form bodies arrive in the same shapes (see `fromForm`).
 */
const id = z.string().min(1).max(128);

export const FeedbackBodySchema = z.strictObject({
  entry: id,
  cause: id.optional(),
  helpful: z.boolean(),
  reason: z.string().max(FEEDBACK_CONFIG.maxReasonChars * 4).optional(),
});

export const WizardEventSchema = z.strictObject({
  type: z.literal("wizard"),
  outcome: z.enum(OUTCOMES),
  /** The URL of the step the walk ended at: `/wizard/<start>/<answer>…`. */
  path: z.string().min(1).max(4096),
  /** Random id of this walk, made by the page's script. */
  run: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export const SearchOpenEventSchema = z.strictObject({
  type: z.literal("search_open"),
  search: z.uuid(),
  entry: id,
  rank: z.number().int().min(0).max(100),
});

export const EventBodySchema = z.discriminatedUnion("type", [WizardEventSchema, SearchOpenEventSchema]);

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string; readonly message: string };

const invalid = (code: string, message: string) => ({ ok: false as const, code, message });

/** Form fields to the JSON shape: "yes"/"no" and numbers as the schema expects them; empty fields left out. */
export function fromForm(form: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (value === "" || key.startsWith("_")) continue;
    if (key === "helpful") body[key] = value === "yes" || value === "true" ? true : value === "no" || value === "false" ? false : value;
    else if (key === "rank") body[key] = Number(value);
    else body[key] = value;
  }
  return body;
}

/** Why a wizard event was refused when its path is not a step of the current wizards. */
export const UNKNOWN_STEP = `path 不是一个存在的向导步骤（${WIZARD_HOME}/…）`;

export function checkVote(body: unknown, graph: KnowledgeGraph, session: string | null): Checked<NewVote> {
  const parsed = FeedbackBodySchema.safeParse(body);
  if (!parsed.success) return invalid("invalid_body", '请求体应为 {"entry": "…", "cause"?: "…", "helpful": true|false, "reason"?: "…"}');
  const { entry: entryId, cause, helpful, reason } = parsed.data;
  const entry = getEntry(graph, entryId);
  if (!entry) return invalid("unknown_entry", `没有 id 为 ${JSON.stringify(entryId)} 的条目`);
  if (cause !== undefined && !(entry.kind === "problem" && entry.causes.some((c) => c.id === cause))) {
    return invalid("unknown_cause", `条目 ${entryId} 没有 id 为 ${JSON.stringify(cause)} 的原因`);
  }
  const text = reason === undefined ? "" : maskSecrets(reason.trim());
  if (Array.from(text).length > FEEDBACK_CONFIG.maxReasonChars) return invalid("reason_too_long", `原因最多 ${FEEDBACK_CONFIG.maxReasonChars} 个字`);
  return { ok: true, value: { createdAt: new Date(), session, entry: entryId, cause: cause ?? "", helpful, reason: text === "" ? null : text } };
}

export function checkEvent(body: unknown, graph: KnowledgeGraph, wizards: WizardGraph, session: string | null): Checked<PendingRecord> {
  const parsed = EventBodySchema.safeParse(body);
  if (!parsed.success) {
    return invalid(
      "invalid_body",
      `请求体应为 {"type": "wizard", "outcome": "solved"|"unsolved"|"abandoned", "path": "${WIZARD_HOME}/…"} 或 {"type": "search_open", "search": "<uuid>", "entry": "…", "rank": 0}`,
    );
  }
  const event = parsed.data;
  if (event.type === "search_open") {
    if (!getEntry(graph, event.entry)) return invalid("unknown_entry", `没有 id 为 ${JSON.stringify(event.entry)} 的条目`);
    const row: NewSearchOpen = { createdAt: new Date(), search: event.search, entry: event.entry, rank: event.rank };
    return { ok: true, value: { table: "searchOpens", row } };
  }
  const outcome = checkWizardOutcome(event.path, event.outcome, wizards);
  if (!outcome.ok) return outcome;
  return { ok: true, value: { table: "wizardOutcomes", row: { ...outcome.value, run: event.run ?? null, session } } };
}

function checkWizardOutcome(path: string, outcome: Outcome, wizards: WizardGraph): Checked<NewWizardOutcome> {
  const walk = wizardWalkAt(path, wizards);
  if (!walk) return invalid("unknown_wizard_step", UNKNOWN_STEP);
  const { position, trail, state } = walk;
  if (endingOf(position) !== outcome) return invalid("outcome_mismatch", `这一步（${position.kind}）不能记录为 ${outcome}`);
  const steps = [...trail.map((t) => positionId(t.position)), positionId(position)].slice(-FEEDBACK_CONFIG.maxPath);
  return {
    ok: true,
    value: {
      createdAt: new Date(),
      start: state.start,
      outcome,
      entry: "problem" in position ? position.problem.id : null,
      cause: "cause" in position ? position.cause.id : null,
      step: positionId(position),
      answers: state.answers.length,
      path: steps,
    },
  };
}
