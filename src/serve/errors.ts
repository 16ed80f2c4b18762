import { ERROR_PAGE_POLICY } from "./csp";
import { securityHeaders } from "./headers";
import { searchUrl } from "@/urls";

/**
 * The answers that the proxy and the front give themselves, before or instead of Next.js: a short
 * page in the product's language for a browser, `{"error": {"code", "message"}}` under /api/, the
 * security headers on both, never a stack trace, never cached.
 */
export type ErrorStatus = 400 | 405 | 408 | 413 | 414 | 416 | 429 | 431 | 502 | 503 | 504;

interface Wording {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

const WORDING: Readonly<Record<ErrorStatus, Wording>> = {
  400: { code: "bad_request", title: "这个请求无效", detail: "服务器无法理解这个请求。" },
  405: { code: "method_not_allowed", title: "不支持这种请求方法", detail: "这个地址只接受 GET、HEAD、POST 和 OPTIONS。" },
  408: { code: "request_timeout", title: "请求发送得太慢", detail: "请求没有在规定时间内发送完，连接已关闭。请重试。" },
  413: { code: "body_too_large", title: "提交的内容太大", detail: "请只提交报错附近的内容。" },
  414: { code: "uri_too_long", title: "链接太长", detail: "长日志请用搜索页的「粘贴日志」提交，不要放在链接里。" },
  416: { code: "range_not_satisfiable", title: "请求的范围无效", detail: "请求的字节范围超出了文件的长度。" },
  429: { code: "too_many_requests", title: "请求太多", detail: "同时发来的请求太多，请稍后再试。" },
  431: { code: "headers_too_large", title: "请求头太大", detail: "请求头（例如 Cookie）超过了服务器的上限。" },
  502: { code: "upstream_unavailable", title: "服务暂时不可用", detail: "请稍后再试。" },
  503: { code: "busy", title: "服务正忙", detail: "请稍后再试。" },
  504: { code: "upstream_timeout", title: "服务响应超时", detail: "请稍后再试。" },
};

/** The wording of a malformed percent-encoding, which the proxy answers too. */
export const MALFORMED_URL: Wording = { code: "malformed_url", title: "这个链接无效", detail: "地址里有无法识别的编码，可能是复制时被截断了。" };

export interface ErrorAnswer {
  readonly status: ErrorStatus;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface ErrorOptions {
  /** Answer in JSON (a request under /api/). */
  readonly api: boolean;
  /** Other wording for the same status, e.g. the search API's `query_too_large`. */
  readonly wording?: Partial<Wording> | undefined;
  readonly headers?: Record<string, string> | undefined;
}

export function errorAnswer(status: ErrorStatus, { api, wording, headers }: ErrorOptions): ErrorAnswer {
  const { code, title, detail } = { ...WORDING[status], ...wording };
  const body = api ? JSON.stringify({ error: { code, message: `${title}：${detail}` } }) : errorPage(title, detail);
  return {
    status,
    headers: {
      ...securityHeaders(),
      "content-security-policy": ERROR_PAGE_POLICY,
      "content-type": api ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
    body,
  };
}

/** Whether a request target is under /api/, whose answers are JSON. */
export function isApiTarget(target: string | undefined): boolean {
  return (target ?? "").startsWith("/api/");
}

function errorPage(title: string, detail: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · 排障知识库</title></head>
<body style="font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7">
<h1>${title}</h1><p>${detail}</p>
<p><a href="/">回到首页</a> 或 <a href="${searchUrl()}">搜索报错</a>。</p></body></html>`;
}
