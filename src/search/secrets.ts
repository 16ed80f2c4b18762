/**
 * The one masking function for user text. Pasted logs and configs carry secrets (keys, tokens,
 * passwords, cookies, private keys) and personal data (phone numbers, e-mail addresses). Every
 * piece of user text is cut to its limit (`prepareQuery` in ./query.ts) and then passed through
 * `maskSecrets` once; only its output is searched, shown, stored, logged or put into a summary.
 * A secret keeps its name (`SMTP_PASS=***`) so the reader still sees which setting it was.
 *
 * Every pattern here is linear in the length of its input: a match can only start where a run of
 * its characters starts (a lookbehind, a literal, or `\b` before a literal), and every repetition
 * that could fail is bounded, so a failed attempt never rescans what the next one reads
 * (tests/search/patterns.test.ts checks each with recheck and on adversarial input).
 */

import { replaceEmails } from "./emails";

type Replace = (match: string, ...groups: (string | undefined)[]) => string;

export interface SecretRule {
  readonly kind: string;
  readonly mask: (text: string) => string;
}

const rule = (kind: string, pattern: RegExp, replace: string | Replace): SecretRule => ({
  kind,
  mask: (text) => (typeof replace === "string" ? text.replace(pattern, replace) : text.replace(pattern, replace as (m: string, ...g: string[]) => string)),
});

/**
 * A rule for the lines that run a given command only: the command word is found once per line,
 * and the option that carries the password is matched where it starts (a run of spaces before
 * it), so nothing rescans the rest of the line from every word.
 */
const onCommandLines = (kind: string, command: RegExp, pattern: RegExp, replace: string): SecretRule => ({
  kind,
  mask: (text) => text.split("\n").map((line) => (command.test(line) ? line.replace(pattern, replace) : line)).join("\n"),
});

export const MASKED = "***";
/** Not itself a BEGIN line, so that masking again leaves it alone whatever follows it. */
const PEM_MASK = "[PRIVATE KEY ***]";

/** Values that say a setting is unset, answer a question ("using password: YES") or name an auth scheme. */
const NOT_A_SECRET = /^(?:yes|no|true|false|null|none|nil|undefined|bearer|basic|digest|\*+)$/i;

/**
 * Whether a setting's name says its value is secret: `SMTP_PASS`, `apiV3Key`, `corpsecret`,
 * `"session_key"`, `Pwd` in a connection string, `X-Auth-Token`. Word separators and case are
 * ignored; counts such as `max_tokens` are not secrets.
 */
export function isSecretName(name: string): boolean {
  const flat = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (flat.length === 0 || NOT_SECRET_NAMES.has(flat)) return false;
  if (SECRET_WORDS.some((word) => flat.includes(word))) return !/tokens$|tokentype$|tokenexpire[ds]?(?:in|at)?$/.test(flat);
  return SECRET_SUFFIXES.some((suffix) => flat.endsWith(suffix)) || SECRET_NAMES.has(flat);
}

const SECRET_WORDS = [
  "password", "passwd", "passphrase", "secret", "token", "apikey", "apiv3key", "privatekey", "accesskey",
  "sessionkey", "mchkey", "aeskey", "signkey", "encryptkey", "cookie", "credential", "authcode", "authorization",
] as const;
const SECRET_SUFFIXES = ["pass", "pwd"] as const;
/** Short names that are secret only on their own (`auth` in docker's config.json). */
const SECRET_NAMES = new Set(["auth", "appkey"]);
/** Names that contain a secret word but hold none (`token_url` is an address). */
const NOT_SECRET_NAMES = new Set(["tokenurl", "tokenendpoint", "secretname", "passwordpolicy", "bypass", "compass"]);

/** Setting names checked only in query strings, where a bare `key=` is the WeCom webhook key. */
const QUERY_SECRET = (name: string) => isSecretName(name) || /^(?:key|sign|code|ticket|jsapi_ticket)$/i.test(name);

function maskValue(name: string, value: string | undefined): string | null {
  if (value === undefined || value === "" || NOT_A_SECRET.test(value)) return null;
  return isSecretName(name) ? MASKED : null;
}

/** The rules, in order: whole blocks and unmistakable shapes first, then named settings. */
export const SECRET_RULES: readonly SecretRule[] = [
  rule("private key", /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g, PEM_MASK),
  // `Authorization: Bearer <JWT>`, `Authorization: Basic …`, and a bare `Bearer …` in a curl line.
  rule(
    "authorization header",
    /\b((?:proxy-)?authorization\\?["']?[ \t]{0,8}[:=][ \t]{0,8}\\?["']?(?:(?:bearer|basic|digest|token)[ \t]{1,8})?)[^\s"'\\,;]+/gi,
    `$1${MASKED}`,
  ),
  rule("bearer token", /\b(bearer[ \t]{1,8})[\w.~+/=-]{8,}/gi, `$1${MASKED}`),
  rule("JWT", /(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, MASKED),
  // A `Cookie:` or `Set-Cookie:` header: every value on the line.
  rule("cookie header", /\b((?:set-)?cookie[ \t]{0,8}:[ \t]{0,8})[^\r\n]+/gi, `$1${MASKED}`),
  // Vendor key shapes: OpenAI, GitHub, Slack, GitLab, AWS access key ids.
  rule("API key", /\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}/g, `sk-${MASKED}`),
  rule("API key", /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,})/g, MASKED),
  rule("AWS access key id", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, MASKED),
  // Passwords in URLs and DSNs: scheme://user:password@host (user may be empty: redis://:pass@host).
  rule("URL password", /\b([a-z][a-z0-9+.-]{0,15}:\/\/[^\s:/@]{0,128}:)[^\s@/]{1,256}@/gi, `$1${MASKED}@`),
  // Go's MySQL DSN: user:password@tcp(host:3306)/db
  rule("DSN password", /(?<![\w.-])([\w.-]{1,64}:)[^\s@:/]{1,256}(@(?:tcp|unix|udp)\()/g, `$1${MASKED}$2`),
  // Command-line passwords: mysql -pSECRET, mysql -p'SECRET', redis-cli -a SECRET, sshpass -p SECRET.
  onCommandLines(
    "command-line password",
    /\b(?:mysql|mysqldump|mysqladmin|mysqlsh|mariadb)(?:\.exe)?\b/i,
    /(?<![^ \t])-p(?:'[^']{0,256}'|"[^"]{0,256}"|[^\s'"-][^\s'"]{0,255})/g,
    `-p${MASKED}`,
  ),
  onCommandLines("command-line password", /\bredis-cli\b/i, /(?<![^ \t])(-a[ \t]{1,8})[^\s'"]{1,256}/g, `$1${MASKED}`),
  // docker login -u me -p SECRET (only on a docker login line: `docker run -p 3306:3306` maps a port).
  onCommandLines("command-line password", /\bdocker[ \t]{1,8}login\b/i, /(?<![^ \t])(-p[ \t]{1,8})[^\s'"-][^\s'"]{0,255}/g, `$1${MASKED}`),
  onCommandLines("command-line password", /\bsshpass\b/i, /(?<![^ \t])(-p[ \t]{0,8})[^\s'"-][^\s'"]{0,255}/g, `$1${MASKED}`),
  rule(
    "command-line password",
    /(?<![\w-])(--[a-z][\w-]{0,40})(=|[ \t]{1,8})(?:'[^'\n]{0,256}'|"[^"\n]{0,256}"|[^\s'"-][^\s'"]{0,255})/gi,
    (match, flag = "", separator = "") =>
      isSecretName(flag) && !NOT_A_SECRET.test(match.slice(flag.length + separator.length)) ? `${flag}${separator}${MASKED}` : match,
  ),
  // Personal data.
  { kind: "e-mail address", mask: (text) => replaceEmails(text, "<email>", { ignoreCase: true }) },
  rule("phone number", /(?<![\w+])(?:(?:\+|00)86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, "<phone>"),
  // Query strings: ?access_token=…, &corpsecret=…, ?key=… (a WeCom robot's webhook key).
  rule("query parameter", /([?&]([\w.%-]{1,64})=)([^&\s#"'<>]{1,4096})/g, (match, head = "", name = "", value = "") =>
    QUERY_SECRET(name) && !NOT_A_SECRET.test(value) ? `${head}${MASKED}` : match,
  ),
  // Named settings in env, YAML, INI, JSON (also escaped inside a log string), PHP arrays,
  // connection strings: NAME=value, name: value, "name": "value", 'name' => 'value'.
  { kind: "named setting", mask: maskNamedSettings },
  // Builder and setter calls: .apiV3Key("…"), setPassword('…').
  rule("named setting", /(?<![\w$])([A-Za-z_][\w]{0,63}\([ \t]{0,8})(["'])([^"'\n]{1,1024})(["'])/g, (match, call = "", open = "", value = "", close = "") =>
    maskValue(call.slice(0, call.indexOf("(")), value) === null ? match : `${call}${open}${MASKED}${close}`,
  ),
  // A password passed by position, as people paste their mail code: smtplib's server.login(user, "…"),
  // JavaMail's new PasswordAuthentication(user, "…") and transport.connect(host, user, "…").
  rule("login call", /\b((?:login|PasswordAuthentication)\([ \t]{0,8}[^,()\n]{1,256},[ \t]{0,8}|connect\([ \t]{0,8}[^,()\n]{1,256},[ \t]{0,8}[^,()\n]{1,256},[ \t]{0,8})(["'])([^"'\n]{1,1024})\2/g, (match, head = "", quote = "", value = "") =>
    NOT_A_SECRET.test(value) ? match : `${head}${quote}${MASKED}${quote}`,
  ),
  // Chinese labels: 密码：…, APIv3密钥: …, 授权码=…
  rule("labelled secret", /((?:密码|口令|密钥|秘钥|私钥|令牌|授权码)[ \t]{0,8}[:：=][ \t]{0,8})[^\s，。,;；、）)]{1,1024}/g, `$1${MASKED}`),
];

const NAMED_SETTING =
  /(?<![\w.-])(\\?["']?)([A-Za-z_][\w.-]{0,63})(\\?["']?[ \t]{0,8}(?:=>|[:=：])[ \t]{0,8})(?:(\\?")([^"\n]{0,1024}?)(\\?")|(')([^'\n]{0,1024})(')|([^\s"'\\,;&<>{}]{1,1024}))/g;

/**
 * Masks the value of every setting whose name says it is secret. The value of any other setting
 * may hold one (`env: SMTP_PASS=…`, `"msg": "login failed password=…"`): a quoted value is looked
 * at again from its start (it ends at its quote, so that look is short); a bare value is read once
 * more by `maskInsideBare`, in one pass, rather than again from each of its separators, and only
 * its last word (at most 64 characters) is read again, as the name of a setting that may follow.
 * Values that could not hold a secret name are not read again at all.
 */
function maskNamedSettings(text: string): string {
  let out = "";
  let kept = 0;
  NAMED_SETTING.lastIndex = 0;
  for (let m = NAMED_SETTING.exec(text); m !== null; m = NAMED_SETTING.exec(text)) {
    const [match, open = "", name = "", separator = "", dqOpen, dq, dqClose, sqOpen, sq, sqClose, bareValue] = m;
    const head = `${open}${name}${separator}`;
    // A bare value ends before the brackets that close what it stands in: "(using password: YES)".
    const bare = bareValue === undefined ? undefined : withoutClosingBrackets(bareValue);
    let masked: string;
    if (maskValue(name, dq ?? sq ?? bare) !== null) {
      masked = dqOpen !== undefined ? `${dqOpen}${MASKED}${dqClose}` : sqOpen !== undefined ? `${sqOpen}${MASKED}${sqClose}` : `${MASKED}${bareValue?.slice(bare?.length) ?? ""}`;
    } else if (bareValue === undefined) {
      if (mayNameSecret(dq ?? sq ?? "")) NAMED_SETTING.lastIndex = m.index + head.length;
      continue;
    } else {
      masked = maskInsideBare(bareValue);
      if (masked === bareValue) {
        // Its last word may name the next setting, spaced out: `ERROR: aws_secret_access_key = …`.
        const tail = trailingName(bareValue);
        if (tail > 0) NAMED_SETTING.lastIndex = m.index + match.length - tail;
        continue;
      }
    }
    out += `${text.slice(kept, m.index)}${head}${masked}`;
    kept = m.index + match.length;
  }
  return out + text.slice(kept);
}

/**
 * Whether `text` could hold a name `isSecretName` accepts, written whole (`SMTP_PASS`, `apiKey`,
 * not `se_cret`): each of its words and suffixes contains one of these. Most values hold none,
 * and are not read again.
 */
const MAY_NAME_SECRET = /pas|pwd|secret|token|key|cookie|credential|auth/i;
const mayNameSecret = (text: string): boolean => MAY_NAME_SECRET.test(text);

const NAME_CHAR = /[\w.-]/;
const NAME_START = /[A-Za-z_]/;

/**
 * A bare value with the value of the first secret setting inside it masked (`SMTP_PASS=…` in
 * `env:SMTP_PASS=…`). Inside a bare value a name runs from after a character that cannot be in
 * a name up to a separator, as in NAMED_SETTING, and the inner value runs to the end.
 */
function maskInsideBare(value: string): string {
  if (!mayNameSecret(value)) return value;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const width = c === "=" ? (value[i + 1] === ">" ? 2 : 1) : c === ":" || c === "：" ? 1 : 0;
    if (width === 0) continue;
    let start = i;
    while (start > 0 && i - start <= 64 && NAME_CHAR.test(value[start - 1] ?? "")) start--;
    if (i - start > 64 || !NAME_START.test(value[start] ?? "")) continue;
    const rest = value.slice(i + width);
    const inner = withoutClosingBrackets(rest);
    if (maskValue(value.slice(start, i), inner) !== null) return `${value.slice(0, i + width)}${MASKED}${rest.slice(inner.length)}`;
  }
  return value;
}

/** The length of the name `value` ends with, if that name could be secret; else 0. */
function trailingName(value: string): number {
  let start = value.length;
  while (start > 0 && value.length - start <= 64 && NAME_CHAR.test(value[start - 1] ?? "")) start--;
  const name = value.slice(start);
  return name.length <= 64 && NAME_START.test(name[0] ?? "") && mayNameSecret(name) ? name.length : 0;
}

function withoutClosingBrackets(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === ")" || value[end - 1] === "]")) end--;
  return value.slice(0, end);
}

/** `text` with everything that looks like a secret or personal data masked. Idempotent. */
export function maskSecrets(text: string): string {
  let out = text;
  for (const { mask } of SECRET_RULES) out = mask(out);
  return out;
}
