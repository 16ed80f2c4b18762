import { parseSignature } from "../signature-pattern";

/**
 * A signature is error text a reader sees and pastes, and a search that contains it goes straight
 * to its entry. So it must say which system and which fault: not a bare status code, not a phrase
 * every program prints (`502 Bad Gateway`, `服务器错误`, `Connection refused`), not a single word,
 * and not a line of the reader's own configuration (`SMTP_PORT=25`), which says nothing about a fault.
 */

export type SignatureFault =
  | { readonly kind: "bare-code" }
  | { readonly kind: "generic" }
  | { readonly kind: "single-word" }
  | { readonly kind: "config"; readonly key: string };

/**
 * A status code or errno alone, or an HTTP status line: `502`, `404 Not Found`,
 * `HTTP/1.1 500 Internal Server Error` (a reason phrase is at most three words; a longer message
 * after a code, such as `550 User has no permission`, is a server's own text).
 */
const BARE_CODE = /^(?:HTTP\/\d(?:\.\d)?\s+)?\d{1,4}(?:\s+[A-Za-z][A-Za-z'-]*){0,3}$/;

/** Phrases any program or browser prints, whatever the system: they carry no context. Compared lower-cased. */
const GENERIC = new Set([
  "服务器错误", "服务器异常", "服务器内部错误", "服务异常", "系统错误", "系统异常", "系统繁忙", "网络错误", "网络异常",
  "请求失败", "请求错误", "连接失败", "连接超时", "连接被拒绝", "未知错误", "操作失败", "保存失败", "登录失败",
  "出错了", "出错", "错误", "失败", "超时", "报错", "异常", "无法访问", "打不开", "访问不了",
  "error", "failed", "failure", "fail", "timeout", "timed out", "exception", "fatal error",
  "bad gateway", "gateway timeout", "not found", "internal server error", "service unavailable", "forbidden", "unauthorized",
  "connection refused", "connection reset", "connection reset by peer", "connection timed out", "connection closed",
  "permission denied", "access denied", "no such file or directory", "no route to host", "network is unreachable",
  "name or service not known", "could not resolve host", "certificate verify failed", "ssl handshake failed",
  "econnrefused", "econnreset", "etimedout", "enotfound", "ehostunreach",
  "err_connection_refused", "err_connection_timed_out", "err_connection_reset", "err_connection_closed",
  "err_name_not_resolved", "err_internet_disconnected", "err_address_unreachable", "err_failed", "err_timed_out",
]);

/** A configuration line: `SMTP_PORT=25` (environment variables) or `bind-address = 0.0.0.0` (ini keys). */
const CONFIG_LINE = /^(?:export\s+)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*)\s*=/;
/** A configuration key alone: `ALERT_EMAIL_ENABLED`. */
const CONFIG_KEY = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/**
 * A plain word: one English word in one case (`timeout`, `Error`, `HEALTHCHECK`), or up to four Han
 * characters (`工作台`, `可见范围`). A mixed-case identifier such as `EchoStr` names one API's
 * parameter and is specific enough.
 */
const SINGLE_WORD = /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+|\p{Script=Han}{1,4})$/u;

function key(signature: string): string {
  return signature
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^net::/, "")
    .replace(/^http\/\d(?:\.\d)?\s+/, "")
    .replace(/[\s。．.!！:：]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A signature's own words: `{placeholder}`s (see signature-pattern.ts) stand for values that vary,
 * so `{host}: Connection refused` is judged as `Connection refused`.
 */
function ownWords(signature: string): string {
  return parseSignature(signature)
    .pieces.map((piece) => ("literal" in piece ? piece.literal : " "))
    .join("")
    .normalize("NFKC")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .trim();
}

export function signatureFault(signature: string): SignatureFault | null {
  const text = ownWords(signature);
  if (text === "" || BARE_CODE.test(text)) return { kind: "bare-code" };
  if (GENERIC.has(key(text))) return { kind: "generic" };
  const config = CONFIG_LINE.exec(text);
  if (config?.[1]) return { kind: "config", key: config[1] };
  if (CONFIG_KEY.test(text)) return { kind: "config", key: text };
  if (SINGLE_WORD.test(text)) return { kind: "single-word" };
  return null;
}
