/**
 * Values that belong to the deployments the upstream documents were written for, not to the reader.
 * A reader who copies `curl https://photogooo.com/...` tests someone else's server, so these may
 * appear only as the example of a placeholder: in prose, in a paragraph (or table cell, heading)
 * that says 示例; in commands, only inside a comment. Commands use shell-safe placeholders instead
 * (`YOUR_DOMAIN`), never `<…>`, which a shell reads as a redirection.
 */

export interface Found {
  readonly index: number;
  readonly text: string;
}

interface ExampleValue {
  readonly value: string;
  readonly pattern: RegExp;
}

/** The upstream projects' own values (source 003: the mini-program's domain, service, port and API path). */
export const UPSTREAM_EXAMPLES: readonly ExampleValue[] = [
  { value: "photogooo.com", pattern: /photogooo(?:\.com)?/gi },
  { value: "aistudio", pattern: /(?<![\w-])aistudio(?![\w-])/gi },
  { value: "8000", pattern: /(?<![\w.])8000(?![\w.])/g },
  { value: "/api/user/visit", pattern: /\/api\/user\/visit\b/g },
];

/** The word that marks a paragraph's upstream values as examples: 「示例：photogooo.com」. */
export const EXAMPLE_MARK = "示例";

export function upstreamExamples(text: string): (Found & { readonly value: string })[] {
  const found: (Found & { value: string })[] = [];
  for (const { value, pattern } of UPSTREAM_EXAMPLES) {
    for (const match of text.matchAll(pattern)) found.push({ index: match.index, text: match[0], value });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * `<…>` placeholders in shell code: `<校验文件名>`, `<API Key>`, `<你的域名>`. Redirections such as
 * `</dev/null`, `2>&1`, `<<EOF` and `<(cmd)` are not placeholders.
 */
const ANGLE_PLACEHOLDER = /<(?![/<(&=\s-])[^<>\n/|&;()$`'"]{1,40}(?<!\s)>/g;

export function shellPlaceholders(code: string): Found[] {
  return [...code.matchAll(ANGLE_PLACEHOLDER)].map((m) => ({ index: m.index, text: m[0] }));
}

/** Referral and affiliate parameters: the knowledge base must not send readers through someone's referral. */
const REFERRAL = /[?&](?:referralCode|referral_code|referral|ref_code|invite_code|inviteCode|aff)=[^\s&)>\]]*/gi;

export function referralLinks(text: string): Found[] {
  return [...text.matchAll(REFERRAL)].map((m) => ({ index: m.index, text: m[0] }));
}
