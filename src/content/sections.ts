/**
 * The section headings an author may write, canonical Chinese first, English aliases after.
 * A cause heading carries its title after the keyword (`## 原因：…`); the others stand alone.
 */
const LEVEL_TWO = [
  { name: "cause", pattern: /^(?:原因|cause)\s*[:：]\s*(.*)$/i },
  { name: "notes", pattern: /^(?:说明|notes?)$/i },
  { name: "answer", pattern: /^(?:回答|answer)$/i },
] as const;

const LEVEL_THREE = [
  { name: "check", pattern: /^(?:检查|check)$/i },
  { name: "fix", pattern: /^(?:解决|fix)$/i },
  { name: "signatures", pattern: /^(?:特征|signatures)$/i },
] as const;

export type SectionKind = {
  readonly name: (typeof LEVEL_TWO)[number]["name"] | (typeof LEVEL_THREE)[number]["name"];
  /** For a cause: the text after the keyword. */
  readonly rest: string;
};

export function sectionKind(title: string, depth: 2 | 3): SectionKind | null {
  for (const { name, pattern } of depth === 2 ? LEVEL_TWO : LEVEL_THREE) {
    const match = pattern.exec(title.trim());
    if (match) return { name, rest: match[1] ?? "" };
  }
  return null;
}
