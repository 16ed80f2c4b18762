import type { RootContent } from "mdast";
import { z } from "zod";
import { parseSignature, PLACEHOLDERS } from "./signature-pattern";

/**
 * The one source of content types. Front matter is validated against the `*FrontmatterSchema`s;
 * whole entries (front matter plus the body structure the remark plugins extract) against
 * `EntrySchema`, and every type downstream is `z.infer` of these.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const UPSTREAM_PATTERN = /^S\d{3}-\d+$/;
export const ENTRY_KINDS = ["problem", "question", "guide"] as const;

const slug = z.string().regex(SLUG_PATTERN, "expected a lowercase ASCII slug such as `docker-deploy`");
const text = z.string().trim().min(1, "must not be empty");
/** A YAML scalar read as text: authors write `- 502` or `- 443` and mean the string. */
const scalarText = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "must not be empty"));
/** An error text as printed, with `{placeholder}`s for the parts that vary (see signature-pattern.ts). */
const signatureText = (base: z.ZodType<string>) =>
  base.superRefine((value, ctx) => {
    const { pieces, unknown } = parseSignature(value);
    for (const name of unknown) {
      ctx.addIssue({ code: "custom", message: `unknown placeholder \`{${name}}\`; use one of ${Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(", ")}` });
    }
    const literal = pieces.map((piece) => ("literal" in piece ? piece.literal : "")).join("");
    // Han characters say about twice as much as Latin ones, as the search weighs them.
    const weight = [...literal.replace(/[\s\p{P}\p{S}]/gu, "")].reduce((sum, char) => sum + (/\p{Script=Han}/u.test(char) ? 2 : 1), 0);
    if (weight < 3) ctx.addIssue({ code: "custom", message: "a signature needs at least three letters or digits (or two Chinese characters) besides its placeholders" });
  });
/** Other names users give the symptom: English phrasing, colloquial Chinese. Searched, never shown as error text. */
const alias = text.max(120, "keep an alias under 120 characters");
const isoDate = z.iso.date("expected a date written as YYYY-MM-DD");
const upstreamId = z.string().regex(UPSTREAM_PATTERN, "expected an id such as `S000-4`");

export const TaxonomyItemSchema = z.strictObject({
  slug,
  label: text,
  description: z.string().default(""),
});
/** A command that collects what support needs, shown when a guided diagnosis ends unsolved. */
export const DiagnosticSchema = z.strictObject({ command: text, note: text });
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export const SystemSchema = TaxonomyItemSchema.extend({ diagnostics: z.array(DiagnosticSchema).default([]) });
export const TaxonomySchema = z.strictObject({
  areas: z.array(TaxonomyItemSchema).min(1),
  systems: z.array(SystemSchema).min(1),
});
export type TaxonomyItem = z.infer<typeof TaxonomyItemSchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/**
 * A neighbouring problem (`content/neighbours.yml`): an error that looks like one this knowledge
 * base covers but that none of its fixes solves. Search recognises it by its signatures and says
 * so, with where to look, instead of presenting an entry as the answer.
 */
export const NeighbourSchema = z.strictObject({
  id: slug,
  title: text.max(60, "keep a neighbour's title under 60 characters"),
  signatures: z.array(signatureText(scalarText)).min(1, "list at least one error text that this problem prints"),
  hint: text.max(200, "keep the hint under 200 characters: where to look, not the whole fix"),
});
export type Neighbour = z.infer<typeof NeighbourSchema>;

export const NeighbourListSchema = z
  .strictObject({ neighbours: z.array(NeighbourSchema) })
  .superRefine((list, ctx) => {
    const first = new Map<string, number>();
    list.neighbours.forEach((n, i) => {
      const seen = first.get(n.id);
      if (seen === undefined) first.set(n.id, i);
      else ctx.addIssue({ code: "custom", path: ["neighbours", i, "id"], message: `duplicate id \`${n.id}\`; first used by item ${seen + 1}` });
    });
  });
export type NeighbourList = z.infer<typeof NeighbourListSchema>;

export const UpstreamListSchema = z.strictObject({
  documents: z
    .array(
      z.strictObject({
        prefix: z.string().regex(/^S\d{3}$/),
        slug,
        title: text,
        /** Where the document is public; pages link 来源 to it. Internal documents have none. */
        url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
      }),
    )
    .min(1),
  problems: z.array(z.strictObject({ id: upstreamId, summary: text })).min(1),
});
export type UpstreamList = z.infer<typeof UpstreamListSchema>;

const commonFields = {
  id: slug,
  title: text.max(120, "keep titles under 120 characters"),
  summary: text.max(300, "keep summaries under 300 characters"),
  system: slug,
  area: slug,
  tags: z.array(scalarText).default([]),
  signatures: z.array(signatureText(scalarText)).default([]),
  aliases: z.array(alias).default([]),
  related: z.array(slug).default([]),
  upstream: z.array(upstreamId).min(1, "list at least one upstream problem id"),
  updated: isoDate,
};

/**
 * The one polarity a check may have: answering 是 means the cause applies (the wizard then shows the
 * fix). An author confirms it in `polarity` for a question the automatic rule cannot judge.
 */
export const POLARITY_YES_IS_FAULT = "yes-is-fault";
const polarity = z
  .record(slug, z.literal(POLARITY_YES_IS_FAULT, `expected \`${POLARITY_YES_IS_FAULT}\`: a check's 是 must mean that the cause applies`))
  .default({});

export const ProblemFrontmatterSchema = z.strictObject({
  kind: z.literal("problem"),
  ...commonFields,
  signatures: z.array(signatureText(scalarText)).min(1, "a problem needs at least one signature"),
  polarity,
});
export const QuestionFrontmatterSchema = z.strictObject({ kind: z.literal("question"), ...commonFields });
export const GuideFrontmatterSchema = z.strictObject({ kind: z.literal("guide"), ...commonFields });

export const FrontmatterSchema = z.discriminatedUnion("kind", [
  ProblemFrontmatterSchema,
  QuestionFrontmatterSchema,
  GuideFrontmatterSchema,
]);
export type Frontmatter = z.infer<typeof FrontmatterSchema>;
export const FRONTMATTER_FIELDS = Object.keys(ProblemFrontmatterSchema.shape);

const isMdastNode = (value: unknown): value is RootContent =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";

/** A run of Markdown blocks, kept as mdast for rendering and as plain text for search. */
export const BlocksSchema = z.strictObject({
  nodes: z.array(z.custom<RootContent>(isMdastNode)).min(1),
  text: z.string(),
});
export type Blocks = z.infer<typeof BlocksSchema>;

export const SourceSchema = z.strictObject({
  /** Path relative to the content directory, with forward slashes. */
  path: z.string(),
  line: z.number().int().positive(),
});

export const CauseSchema = z.strictObject({
  id: slug,
  title: text,
  description: BlocksSchema.nullable(),
  signatures: z.array(signatureText(text)),
  check: z.strictObject({ question: text, details: BlocksSchema.nullable() }),
  fix: BlocksSchema,
  line: z.number().int().positive(),
});
export type Cause = z.infer<typeof CauseSchema>;

export const GuideStepSchema = z.strictObject({
  id: z.string().min(1),
  title: text,
  body: BlocksSchema,
  checklist: z.array(z.strictObject({ text })),
});
export type GuideStep = z.infer<typeof GuideStepSchema>;

export const ProblemSchema = ProblemFrontmatterSchema.extend({
  intro: BlocksSchema.nullable(),
  causes: z.array(CauseSchema).min(1),
  notes: BlocksSchema.nullable(),
  source: SourceSchema,
});
export const QuestionSchema = QuestionFrontmatterSchema.extend({
  intro: BlocksSchema.nullable(),
  answer: BlocksSchema,
  /** The first paragraph of the answer: the direct answer, for search results and structured data. */
  shortAnswer: text,
  notes: BlocksSchema.nullable(),
  source: SourceSchema,
});
export const GuideSchema = GuideFrontmatterSchema.extend({
  intro: BlocksSchema.nullable(),
  steps: z.array(GuideStepSchema).min(1),
  source: SourceSchema,
});

export const EntrySchema = z.discriminatedUnion("kind", [ProblemSchema, QuestionSchema, GuideSchema]);
export type Entry = z.infer<typeof EntrySchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Guide = z.infer<typeof GuideSchema>;
export type EntryKind = Entry["kind"];

export const ProblemBodySchema = ProblemSchema.pick({ intro: true, causes: true, notes: true });
export const QuestionBodySchema = QuestionSchema.pick({ intro: true, answer: true, shortAnswer: true, notes: true });
export const GuideBodySchema = GuideSchema.pick({ intro: true, steps: true });
export type ProblemBody = z.infer<typeof ProblemBodySchema>;
export type QuestionBody = z.infer<typeof QuestionBodySchema>;
export type GuideBody = z.infer<typeof GuideBodySchema>;

/** An authored diagnostic flow (`content/wizards/*.md`): questions whose options lead to another step, an entry, or a cause. */
export const FlowFrontmatterSchema = z.strictObject({
  id: slug,
  title: text.max(120, "keep titles under 120 characters"),
  summary: text.max(300, "keep summaries under 300 characters"),
  area: slug,
  updated: isoDate,
});
export const FLOW_FIELDS = Object.keys(FlowFrontmatterSchema.shape);

export const FlowTargetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("step"), step: z.string().min(1) }),
  z.strictObject({ kind: z.literal("entry"), entry: z.string().min(1), cause: z.string().min(1).nullable() }),
]);
export type FlowTarget = z.infer<typeof FlowTargetSchema>;

export const FlowOptionSchema = z.strictObject({
  label: text,
  target: FlowTargetSchema,
  line: z.number().int().positive(),
});
export type FlowOption = z.infer<typeof FlowOptionSchema>;

export const FlowStepSchema = z.strictObject({
  id: slug,
  question: text,
  body: BlocksSchema.nullable(),
  options: z.array(FlowOptionSchema).min(1),
  line: z.number().int().positive(),
});
export type FlowStep = z.infer<typeof FlowStepSchema>;

export const FlowSchema = FlowFrontmatterSchema.extend({
  steps: z.array(FlowStepSchema).min(1),
  source: SourceSchema,
});
export type Flow = z.infer<typeof FlowSchema>;
export const FlowBodySchema = FlowSchema.pick({ steps: true });
export type FlowBody = z.infer<typeof FlowBodySchema>;
