import { SEARCH_CONFIG } from "./config";
import { boundQuery } from "./lines";
import { isSecretName, MASKED, maskSecrets } from "./secrets";

/**
 * User text as every later stage sees it: cut to its limit first (nothing reads past
 * `maxQueryBytes`), then masked once. Only this text is searched, echoed, stored or logged; the
 * eval measures search on it too, and masking changes no result there.
 */
export interface PreparedQuery {
  readonly text: string;
  /** The query was longer than the limit and only its end is kept. */
  readonly truncated: boolean;
}

export function prepareQuery(raw: string): PreparedQuery {
  const bounded = boundQuery(raw, SEARCH_CONFIG.maxQueryBytes);
  const masked = maskSecrets(bounded.text);
  if (masked === bounded.text) return bounded;
  // A mask can be longer than what it hides (`p=1` → `p=***`): cut again rather than exceed the limit.
  const again = boundQuery(masked, SEARCH_CONFIG.maxQueryBytes);
  return { text: again.text, truncated: bounded.truncated || again.truncated };
}

/**
 * Longest (percent-encoded) value a rewritten URL keeps: the URL becomes a `Location` header,
 * and proxies refuse response headers much past 8 KB. A longer query belongs in the log box.
 */
export const MAX_URL_VALUE_CHARS = 8 * 1024;

/**
 * The query string of a request URL as it may be rendered, or null when it already is. Next.js
 * writes the request URL into every dynamic page and RSC payload (and into the body of a
 * redirect it renders), so the proxy answers a URL that carries a secret or more than the limit
 * with a redirect to this form before any page sees it. Each value is cut and masked; a value
 * whose name says it is secret (`?password=…`) is masked whole.
 */
export function prepareUrlQuery(params: URLSearchParams): URLSearchParams | null {
  let changed = false;
  const out = new URLSearchParams();
  for (const [name, value] of params) {
    let text = isSecretName(name) && value !== "" ? MASKED : prepareQuery(value).text;
    if (text !== value) {
      changed = true;
      text = fitUrl(text);
    }
    out.append(name, text);
  }
  return changed ? out : null;
}

/** `text` cut from the start until its encoded form fits `MAX_URL_VALUE_CHARS`. */
function fitUrl(text: string): string {
  let fitted = text;
  for (let limit = MAX_URL_VALUE_CHARS; encodeURIComponent(fitted).length > MAX_URL_VALUE_CHARS && limit > 0; ) {
    limit = Math.floor((limit * MAX_URL_VALUE_CHARS) / encodeURIComponent(fitted).length) - 1;
    fitted = boundQuery(fitted, Math.max(0, limit)).text;
  }
  return fitted;
}
