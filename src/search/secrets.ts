/**
 * Pasted logs and configs often carry secrets. Before any pasted text is shown back, stored or
 * put into a support summary, what looks like one is replaced by `***`, keeping the name so the
 * reader still sees which setting it was.
 */
const PATTERNS: readonly [RegExp, string][] = [
  // PEM private keys, whole block.
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, "-----BEGIN PRIVATE KEY----- *** -----END PRIVATE KEY-----"],
  // OpenAI-style API keys.
  [/\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}/g, "sk-***"],
  // key=value and key: value settings whose name says secret, password, token or key.
  [
    /\b((?:[A-Z0-9_]*_)?(?:APP_?SECRET|SECRET(?:_?KEY)?|PASS(?:WORD|WD)?|PWD|ACCESS_?TOKEN|API_?KEY|AUTH_?CODE|ENCODING_?AES_?KEY|TOKEN_SECRET|PRIVATE_?KEY|MCH_?KEY|API_V3_KEY|AES_KEY)["']?\s*[:=]\s*["']?)([^\s"'&,;]+)/gi,
    "$1***",
  ],
  // Query-string and JSON forms: access_token=…, "secret":"…"
  [/([?&](?:access_token|secret|appsecret|key|password|token)=)[^&\s"']+/gi, "$1***"],
  [/("(?:access_token|secret|appsecret|app_secret|password|token|api_key|session_key)"\s*:\s*")[^"]+/gi, "$1***"],
  // Basic auth in URLs: scheme://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, "$1***@"],
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
