import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";

/**
 * Every message the content pipeline can report, in one place, so that authors see the same
 * wording everywhere and tests can pin it. `reason` says what is wrong; `note` says what to do.
 */
export type Severity = "error" | "warning";

interface Rule<Args extends unknown[]> {
  readonly severity: Severity;
  readonly reason: (...args: Args) => string;
  /** A short hint: what to do about it. Every rule has one. */
  readonly note: (...args: Args) => string;
}

const rule = <Args extends unknown[]>(r: Rule<Args>): Rule<Args> => r;

const list = (items: readonly string[]): string => items.map((i) => `\`${i}\``).join(", ");

export const catalog = {
  "file-empty": rule({
    severity: "error",
    reason: () => "File is empty",
    note: () => "Start with a front matter block (`---` … `---`); see content/README.md for a template",
  }),
  "file-unreadable": rule({
    severity: "error",
    reason: (code: string) => `Cannot read file (${code})`,
    note: () => "Check that the file exists and that the user running the check may read it",
  }),
  "file-too-large": rule({
    severity: "error",
    reason: (bytes: number, limit: number) =>
      `File is too large (${bytes} bytes); the limit is ${limit} bytes`,
    note: () => "Split it into several entries",
  }),
  "file-not-utf8": rule({
    severity: "error",
    reason: () => "File is not valid UTF-8",
    note: () => "Save the file as UTF-8 (without BOM)",
  }),
  "frontmatter-missing": rule({
    severity: "error",
    reason: () => "Missing front matter",
    note: () => "Start the file with a `---` block holding `id`, `kind`, `title` …",
  }),
  "yaml-invalid": rule({
    severity: "error",
    reason: (detail: string) => `Invalid YAML: ${detail}`,
    note: () => "Check indentation, and quote text that contains `: `, `#` or starts with `[`, `{`, `*` or `&`",
  }),
  "frontmatter-not-mapping": rule({
    severity: "error",
    reason: () => "Front matter must be a mapping of `key: value` pairs",
    note: () => "Write one `key: value` per line between the two `---` lines",
  }),
  "field-missing": rule({
    severity: "error",
    reason: (field: string) => `Missing required field \`${field}\``,
    note: (field: string) => `Add \`${field}: …\`; content/README.md describes every field`,
  }),
  "field-unknown": rule({
    severity: "error",
    reason: (field: string, _allowed: readonly string[]) => `Unknown field \`${field}\``,
    note: (_field: string, allowed: readonly string[]) =>
      allowed.length > 0 ? `Allowed fields: ${list(allowed)}` : "Check its spelling; content/README.md describes every field",
  }),
  "field-invalid": rule({
    severity: "error",
    reason: (field: string, detail: string) => `Invalid \`${field}\`: ${detail}`,
    note: (field: string) => `See content/README.md for what \`${field}\` holds`,
  }),
  "field-needs-quotes": rule({
    severity: "error",
    reason: (field: string) => `\`${field}\` was read as a \`key: value\` mapping, not as text`,
    note: () => "Text that contains `: ` must be quoted in YAML: wrap the whole value in quotes",
  }),
  "kind-unknown": rule({
    severity: "error",
    reason: (kind: string, _kinds: readonly string[]) => `Unknown kind \`${kind}\``,
    note: (_kind: string, kinds: readonly string[]) => `Expected one of ${list(kinds)}`,
  }),
  "id-filename-mismatch": rule({
    severity: "error",
    reason: (id: string, expected: string) =>
      `Entry id \`${id}\` does not match its file name \`${expected}.md\``,
    note: () => "Rename the file or change `id`; ids are URLs and must stay stable",
  }),
  "area-unknown": rule({
    severity: "error",
    reason: (area: string, _known: readonly string[]) => `Unknown area \`${area}\``,
    note: (_area: string, known: readonly string[]) =>
      `Known areas (content/taxonomy.yml): ${list(known)}`,
  }),
  "system-unknown": rule({
    severity: "error",
    reason: (system: string, _known: readonly string[]) => `Unknown system \`${system}\``,
    note: (_system: string, known: readonly string[]) =>
      `Known systems (content/taxonomy.yml): ${list(known)}`,
  }),
  "upstream-unknown": rule({
    severity: "error",
    reason: (id: string) => `Unknown upstream problem \`${id}\``,
    note: () => "Use an id listed in content/upstream.yml",
  }),
  "heading-level-one": rule({
    severity: "error",
    reason: () => "Unexpected level-1 heading in the body",
    note: () => "The title comes from the front matter; start sections with `##`",
  }),
  "section-unknown": rule({
    severity: "error",
    reason: (heading: string, expected: readonly string[]) =>
      `Unexpected heading \`${heading}\`, expected ${expected.length > 2 ? "one of " : ""}${expected.map((e) => `\`${e}\``).join(expected.length > 2 ? ", " : " or ")}`,
    note: () => "Check the spelling of the keyword; content/README.md lists the headings of each kind",
  }),
  "section-duplicate": rule({
    severity: "error",
    reason: (heading: string) => `Duplicate section \`${heading}\``,
    note: () => "Merge the two sections into one",
  }),
  "section-empty": rule({
    severity: "error",
    reason: (heading: string) => `Section \`${heading}\` is empty`,
    note: () => "Write its content under the heading, or remove the heading",
  }),
  "cause-id-missing": rule({
    severity: "error",
    reason: (title: string) => `Cause \`${title}\` has no id`,
    note: () => "End the heading with an ASCII id, e.g. `## 原因：端口未放行 {#port-closed}`",
  }),
  "cause-id-invalid": rule({
    severity: "error",
    reason: (id: string) => `Invalid cause id \`${id}\``,
    note: () => "Use lowercase ASCII letters, digits and single hyphens",
  }),
  "cause-id-duplicate": rule({
    severity: "error",
    reason: (id: string) => `Duplicate cause id \`${id}\``,
    note: () => "Cause ids are page anchors and must be unique within the entry; rename one",
  }),
  "cause-title-missing": rule({
    severity: "error",
    reason: () => "Cause heading has no title",
    note: () => "Write it as `## 原因：<title> {#<id>}`",
  }),
  "cause-check-missing": rule({
    severity: "error",
    reason: (id: string) => `Cause \`${id}\` has no \`### 检查\` section`,
    note: () => "Add a `### 检查` section whose first paragraph is a yes/no question",
  }),
  "cause-fix-missing": rule({
    severity: "error",
    reason: (id: string) => `Cause \`${id}\` has no \`### 解决\` section`,
    note: () => "Add a `### 解决` section with the steps that fix this cause",
  }),
  "check-not-question": rule({
    severity: "error",
    reason: (id: string) => `The check of cause \`${id}\` must start with a yes/no question`,
    note: () => "Make the first paragraph a question ending in `？` or `?`",
  }),
  // ── Content that is true, safe to copy and written for every reader (src/content/rules/) ──
  "question-negated": rule({
    severity: "error",
    reason: (subject: string, form: string) =>
      `${subject} is a negated question (\`${form}\`): 是 and 否 can each be read both ways`,
    note: () => "State the fault itself, so that 是 means it is there: `域名没有加进 request 合法域名？`, not `是不是没有加进…？`; `日志里有异常信息吗？`, not `有没有…？`",
  }),
  "question-double-negative": rule({
    severity: "error",
    reason: (subject: string, form: string) => `${subject} has a double negative (\`${form}\`)`,
    note: () => "Say it without negating twice: `服务在运行吗？`, not `服务是不是没有不在运行？`",
  }),
  "check-all-is-well": rule({
    severity: "error",
    reason: (cause: string, form: string) =>
      `The check of cause \`${cause}\` reads as asking whether all is well (\`${form}\`), but answering 是 shows the fix`,
    note: (cause: string) =>
      `Ask about the fault, so that 是 means this cause applies; if it already does, say so in the front matter: \`polarity: { ${cause}: yes-is-fault }\``,
  }),
  "polarity-unknown-cause": rule({
    severity: "error",
    reason: (cause: string) => `\`polarity\` names an unknown cause \`${cause}\``,
    note: () => "Use the id from a `## 原因：… {#id}` heading of this entry",
  }),
  "polarity-unneeded": rule({
    severity: "warning",
    reason: (cause: string) => `\`polarity\` marks cause \`${cause}\`, whose check the automatic rule already reads as a fault`,
    note: () => "Remove the mark; keep marks for questions the rule cannot judge",
  }),
  "dangerous-without-warning": rule({
    severity: "error",
    reason: (text: string, what: string) => `\`${text}\` ${what}, but no warning block comes before it`,
    note: () =>
      "Put a `> [!WARNING]` block before it in the same section: what the command does, what can go wrong, and how to check first or undo it",
  }),
  "callout-unknown": rule({
    severity: "error",
    reason: (marker: string) => `Unknown callout \`${marker}\``,
    note: () => "The one callout is `> [!WARNING]`; write other notes as plain text",
  }),
  "signature-bare-code": rule({
    severity: "error",
    reason: (signature: string) => `Signature \`${signature}\` is a bare status code or number, which every system prints`,
    note: () => "Use the error text around the code, as the reader sees it (e.g. `errcode 40001` with its errmsg)",
  }),
  "signature-generic": rule({
    severity: "error",
    reason: (signature: string) => `Signature \`${signature}\` is too generic: it would send every such error to this entry`,
    note: () => "Use text that names the system or the fault, e.g. `Docker 部署时提示服务器错误` instead of `服务器错误`",
  }),
  "signature-single-word": rule({
    severity: "error",
    reason: (signature: string) => `Signature \`${signature}\` is a single word, not error text`,
    note: () => "Use a whole error line the reader sees, or put the word in `tags`",
  }),
  "signature-config": rule({
    severity: "error",
    reason: (signature: string, key: string) =>
      `Signature \`${signature}\` is configuration (\`${key}\`), not error text: a reader pasting their own settings would land here`,
    note: () => "Use the error the setting causes, or put the key in `tags`",
  }),
  "example-unmarked": rule({
    severity: "error",
    reason: (text: string, value: string) => `\`${text}\` is the upstream project's own ${value}, written as if it were the reader's`,
    note: () => "Write a placeholder and give the value as its example in the same paragraph: `<你的域名>（示例：photogooo.com）`",
  }),
  "example-in-command": rule({
    severity: "error",
    reason: (text: string) => `Command uses \`${text}\`, the upstream project's own value`,
    note: () =>
      "Use a shell-safe placeholder such as `YOUR_DOMAIN`, say above the block what to replace, and keep the example in a comment (`# 示例：photogooo.com`)",
  }),
  "example-in-signature": rule({
    severity: "error",
    reason: (signature: string) => `Signature \`${signature}\` is the upstream project's own value, not the reader's error text`,
    note: () => "Keep the error text around the value and write a placeholder for the value itself",
  }),
  "placeholder-in-shell": rule({
    severity: "error",
    reason: (placeholder: string) => `Placeholder \`${placeholder}\` in a shell command: the shell reads \`<\` and \`>\` as redirections`,
    note: () => "Use an upper-case placeholder such as `YOUR_FILE` and say above the block what to replace it with",
  }),
  "referral-link": rule({
    severity: "error",
    reason: (param: string) => `Link carries a referral parameter \`${param}\``,
    note: () => "Drop the parameter: the knowledge base does not send readers through anyone's referral",
  }),
  "compose-command-missing": rule({
    severity: "error",
    reason: (command: string, service: string) =>
      `\`${command}\` names the container \`${service}\`, which a docker-compose deployment does not have`,
    note: (_command: string, service: string) =>
      `Give the compose form beside it in the same section, e.g. \`docker-compose exec ${service} …\` or \`"$(docker-compose ps -q ${service})"\``,
  }),
  // ── end of content rules ──
  "signatures-not-list": rule({
    severity: "error",
    reason: () => "`### 特征` must be a bullet list of error strings",
    note: () => "Write each error string as its own `- ` item, copied exactly as the user sees it",
  }),
  "problem-without-causes": rule({
    severity: "error",
    reason: () => "A problem needs at least one `## 原因：…` section",
    note: () => "Add `## 原因：<title> {#<id>}` with `### 检查` and `### 解决` under it",
  }),
  "answer-missing": rule({
    severity: "error",
    reason: () => "A question needs a `## 回答` section",
    note: () => "Add `## 回答` with the direct answer as its first paragraph",
  }),
  "guide-without-steps": rule({
    severity: "error",
    reason: () => "A guide needs at least one `##` section",
    note: () => "Write each step or group of settings under its own `## ` heading",
  }),
  "guide-step-no-words": rule({
    severity: "error",
    reason: (heading: string) => `Step heading \`${heading}\` has no letters or digits`,
    note: () => "The step's anchor is made from its words: say what the step does, e.g. `## 创建自建应用`",
  }),
  "body-invalid": rule({
    severity: "error",
    reason: (where: string, detail: string) => `Invalid \`${where}\` in the body: ${detail}`,
    note: () => "The body does not have the shape its kind needs; see content/README.md",
  }),
  "id-duplicate": rule({
    severity: "error",
    reason: (id: string) => `Duplicate entry id \`${id}\``,
    note: () => "Ids are URLs and must be unique: rename one of the files and its `id`",
  }),
  "related-unknown": rule({
    severity: "error",
    reason: (id: string) => `\`related\` names an unknown entry \`${id}\``,
    note: () => "Use the id of an existing entry (its file name without `.md`)",
  }),
  "related-self": rule({
    severity: "warning",
    reason: (id: string) => `Entry \`${id}\` lists itself in \`related\``,
    note: () => "Remove it from `related`",
  }),
  "link-unknown-entry": rule({
    severity: "error",
    reason: (id: string) => `Link to an unknown entry \`${id}\``,
    note: () => "Link to an existing entry as `/entry/<id>`, where `<id>` is its file name without `.md`",
  }),
  "link-unknown-cause": rule({
    severity: "error",
    reason: (id: string, cause: string) => `Link to an unknown cause \`${cause}\` of entry \`${id}\``,
    note: () => "Use a cause id written as `{#…}` at the end of one of that entry's `## 原因：` headings",
  }),
  "signature-duplicate": rule({
    severity: "warning",
    reason: (signature: string, other: string) =>
      `Signature \`${signature}\` is also claimed by \`${other}\``,
    note: () => "Keep each signature in the one entry it belongs to",
  }),
  "upstream-uncovered": rule({
    severity: "error",
    reason: (id: string) => `Upstream problem \`${id}\` is not covered by any entry`,
    note: () => "Add its id to the `upstream` list of the entry that solves it",
  }),
  "flow-without-steps": rule({
    severity: "error",
    reason: () => "A flow needs at least one `##` step",
    note: () => "Write each question as `## <question>？ {#step-id}` with a bullet list of options under it",
  }),
  "flow-step-id-missing": rule({
    severity: "error",
    reason: (question: string) => `Step \`${question}\` has no id`,
    note: () => "End the heading with an ASCII id, e.g. `## 容器在运行吗？ {#container-running}`",
  }),
  "flow-step-no-options": rule({
    severity: "error",
    reason: (step: string) => `Step \`${step}\` has no way forward`,
    note: () => "Add a bullet list of options, each one link: `- [选项](#next-step)`",
  }),
  "flow-option-invalid": rule({
    severity: "error",
    reason: () => "An option must be exactly one link",
    note: () => "Write it as `- [选项文字](#step-id)`, `- [选项文字](/entry/<id>)` or `- [选项文字](/entry/<id>#cause-<cause>)`",
  }),
  "flow-option-empty": rule({
    severity: "error",
    reason: () => "An option has an empty label",
    note: () => "Write what the user would answer inside the brackets: `- [是，只有真机失败](#next-step)`",
  }),
  "flow-target-unknown-step": rule({
    severity: "error",
    reason: (step: string) => `Option leads to an unknown step \`#${step}\``,
    note: () => "Use the `{#…}` id of a step in this flow",
  }),
  "flow-step-unreachable": rule({
    severity: "error",
    reason: (step: string) => `Step \`${step}\` cannot be reached from the first step`,
    note: () => "Add an option that leads to it (`- [选项](#step-id)`), or remove the step",
  }),
  "flow-cycle": rule({
    severity: "error",
    reason: (path: string) => `Steps form a cycle: ${path}`,
    note: () => "A flow must always move forward; point one option at an entry instead",
  }),
  "flow-step-id-invalid": rule({
    severity: "error",
    reason: (id: string) => `Invalid step id \`${id}\``,
    note: () => "Use lowercase ASCII letters, digits and single hyphens, e.g. `{#container-running}`",
  }),
  "flow-id-filename-mismatch": rule({
    severity: "error",
    reason: (id: string, expected: string) => `Flow id \`${id}\` does not match its file name \`${expected}.md\``,
    note: () => "Rename the file or change `id`; flow ids are wizard URLs and must stay stable",
  }),
  "flow-id-duplicate": rule({
    severity: "error",
    reason: (id: string) => `Duplicate flow id \`${id}\``,
    note: () => "Flow ids are wizard URLs and must be unique: rename one of the files and its `id`",
  }),
  "flow-target-unknown-entry": rule({
    severity: "error",
    reason: (id: string) => `Option leads to an unknown entry \`${id}\``,
    note: () => "Point it at an existing entry as `/entry/<id>`, where `<id>` is its file name without `.md`",
  }),
  "flow-target-unknown-cause": rule({
    severity: "error",
    reason: (id: string, cause: string) => `Option leads to an unknown cause \`${cause}\` of entry \`${id}\``,
    note: () => "Use a cause id written as `{#…}` at the end of one of that entry's `## 原因：` headings",
  }),
  "flow-options-same-place": rule({
    severity: "error",
    reason: (label: string, first: string) => `Option \`${label}\` leads to the same place as \`${first}\``,
    note: () => "Merge the two into one option, or point this one somewhere else (an unsure answer needs its own target)",
  }),
  "flow-question-repeated": rule({
    severity: "warning",
    reason: (question: string, later: string) => `\`${question}\` is asked again on the same path, by ${later}`,
    note: () =>
      "Link the answer that settles it to the cause (`/entry/<id>#cause-<cause>`), so the wizard takes it as answered, or drop one of the two questions",
  }),
  "flow-id-taken": rule({
    severity: "error",
    reason: (id: string) => `Flow id \`${id}\` is also an entry id`,
    note: () => "Wizard URLs start with either; give the flow another id",
  }),
  // Hostile or foreign HTML (plugins/remark-check-html.ts).
  "html-raw": rule({
    severity: "warning",
    reason: (html: string) => `Raw HTML \`${html}\``,
    note: () => "Write it in Markdown: raw HTML is removed when the page is rendered",
  }),
  "html-script": rule({
    severity: "error",
    reason: (tag: string) => `\`<${tag}>\` in content`,
    note: () => "Content never runs or embeds code: remove it, or show it as a fenced code block",
  }),
  "html-event-handler": rule({
    severity: "error",
    reason: (attribute: string, tag: string) => `Event handler \`${attribute}\` on \`<${tag}>\``,
    note: () => "Content never runs code: remove the attribute",
  }),
  "link-unsafe-protocol": rule({
    severity: "error",
    reason: (protocol: string, url: string) => `\`${protocol}:\` URL \`${url}\``,
    note: () => "Link to a page (`https://…`, `/entry/<id>`); `javascript:`, `data:` and `vbscript:` URLs are not allowed",
  }),
  "image-external": rule({
    severity: "error",
    reason: (url: string) => `Image from another host \`${url}\``,
    note: () => "Put the image in `public/` and use its path (`/…`): pages load nothing from other hosts",
  }),
  "internal-error": rule({
    severity: "error",
    reason: (detail: string) => `The content pipeline failed on this file: ${detail}`,
    note: () => "This is a bug in the pipeline, not in the content; please report it with the file",
  }),
} as const;

export type RuleId = keyof typeof catalog;
type ArgsOf<R extends RuleId> = (typeof catalog)[R] extends Rule<infer A> ? A : never;

export const SOURCE = "paizhang-content";

export interface ReportOptions {
  readonly place?: Point | Position | undefined;
  readonly cause?: VFileMessage | undefined;
}

/** Adds a catalogued message to `file` (errors are `fatal`, warnings are not) and returns it. */
export function report<R extends RuleId>(
  file: VFile,
  ruleId: R,
  options: ReportOptions,
  ...args: ArgsOf<R>
): VFileMessage {
  const entry = catalog[ruleId] as Rule<ArgsOf<R>>;
  const message = file.message(entry.reason(...args), {
    place: options.place ?? { line: 1, column: 1 },
    ruleId,
    source: SOURCE,
    cause: options.cause,
  });
  message.fatal = entry.severity === "error";
  message.note = entry.note(...args);
  return message;
}
