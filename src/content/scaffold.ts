import { stringify } from "yaml";
import { ENTRY_KINDS, SLUG_PATTERN, UPSTREAM_PATTERN, type Entry, type EntryKind, type Taxonomy } from "./schema";

/**
 * `npm run new -- <kind> <area> <id>`: a new entry written from its kind's template (the shapes
 * content/README.md describes), valid as written, so that `content:check` passes before the
 * author has changed a word and every later message is about what they wrote.
 */
export interface ScaffoldRequest {
  readonly kind: string;
  readonly area: string;
  readonly id: string;
  readonly title?: string | undefined;
  readonly system?: string | undefined;
  readonly upstream?: readonly string[] | undefined;
  /** YYYY-MM-DD, for `updated`. */
  readonly today: string;
}

export interface ScaffoldContext {
  readonly taxonomy: Taxonomy;
  readonly upstreamIds: readonly string[];
  /** Every id already taken (entries and flows), with the file that has it. */
  readonly taken: ReadonlyMap<string, string>;
  /** The valid entries, to pick a system and an upstream id from the new entry's area. */
  readonly entries: readonly Entry[];
}

export type Scaffold =
  | { readonly ok: true; readonly path: string; readonly text: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

const list = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(", ");

export function scaffoldEntry(request: ScaffoldRequest, context: ScaffoldContext): Scaffold {
  const kind = ENTRY_KINDS.find((k) => k === request.kind);
  if (!kind) return { ok: false, message: `Unknown kind \`${request.kind}\`: expected one of ${list(ENTRY_KINDS)}` };
  const areas = context.taxonomy.areas.map((a) => a.slug);
  if (!areas.includes(request.area)) {
    return { ok: false, message: `Unknown area \`${request.area}\`. Known areas (content/taxonomy.yml): ${list(areas)}` };
  }
  if (!SLUG_PATTERN.test(request.id)) {
    return { ok: false, message: `Invalid id \`${request.id}\`: use lowercase ASCII letters, digits and single hyphens, e.g. \`docker-port-closed\`` };
  }
  const existing = context.taken.get(request.id);
  if (existing) return { ok: false, message: `The id \`${request.id}\` is taken by ${existing}; ids are URLs and must be unique` };

  const neighbours = context.entries.filter((e) => e.area === request.area);
  const notes: string[] = [];
  const systems = context.taxonomy.systems.map((s) => s.slug);
  let system = request.system;
  if (system === undefined) {
    system = mostCommon(neighbours.map((e) => e.system)) ?? (systems.includes("general") ? "general" : systems[0]) ?? "general";
    notes.push(`system is \`${system}\`${neighbours.length > 0 ? `, the most common in ${request.area}` : ""}: change it if another system fits (--system)`);
  } else if (!systems.includes(system)) {
    return { ok: false, message: `Unknown system \`${system}\`. Known systems (content/taxonomy.yml): ${list(systems)}` };
  }
  let upstream = request.upstream ?? [];
  const unknown = upstream.filter((id) => !UPSTREAM_PATTERN.test(id) || !context.upstreamIds.includes(id));
  if (unknown.length > 0) return { ok: false, message: `Unknown upstream problem ${list(unknown)}: use ids listed in content/upstream.yml` };
  if (upstream.length === 0) {
    const guess = mostCommon(neighbours.flatMap((e) => e.upstream)) ?? context.upstreamIds[0];
    if (!guess) return { ok: false, message: "content/upstream.yml lists no problem to cover; add one first" };
    upstream = [guess];
    notes.push(`upstream is \`${guess}\`, a placeholder taken from ${neighbours.length > 0 ? `entries in ${request.area}` : "upstream.yml"}: set it to the problems this entry covers (--upstream)`);
  }

  const frontmatter = [
    "---",
    `id: ${request.id}`,
    `kind: ${kind}`,
    `title: ${yamlText(request.title ?? TITLE[kind])}`,
    `summary: ${SUMMARY[kind]}`,
    `system: ${system}`,
    `area: ${request.area}`,
    "tags: []",
    ...(kind === "problem" ? ["# 用户会在屏幕或日志里看到、会粘贴进搜索框的原文", "signatures:", "  - （把用户看到的报错原文贴在这里）"] : []),
    "related: []",
    "# 这个条目覆盖的上游问题编号（content/upstream.yml）",
    `upstream: [${upstream.join(", ")}]`,
    `updated: ${request.today}`,
    "---",
  ];
  return { ok: true, path: `entries/${request.area}/${request.id}.md`, text: `${frontmatter.join("\n")}\n\n${BODY[kind]}`, notes };
}

const TITLE: Record<EntryKind, string> = {
  problem: "（用户会怎么描述这个问题）",
  question: "（用户会怎么问这个问题）？",
  guide: "（这个流程或清单帮用户做成什么）",
};

const SUMMARY: Record<EntryKind, string> = {
  problem: "（一两句话：现象和最常见的原因）",
  question: "（一两句话：问题和直接的答案）",
  guide: "（一两句话：什么时候用这个流程）",
};

const BODY: Record<EntryKind, string> = {
  problem: `## 原因：（最常见的原因） {#main-cause}

### 检查

（一个用户能回答「是 / 否」的问题）？

### 解决

1. （解决步骤，命令放在带语言标记的代码块里）
`,
  question: `## 回答

（第一段直接回答：可以 / 不可以 / 是……，下面可以展开）
`,
  guide: `## （第一步）

1. （操作）

## 检查清单

- [ ] （做完后应当满足的条件）
`,
};

/** A YAML scalar for any text: plain when that reads back the same, quoted when not (a title with `: `). */
function yamlText(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
