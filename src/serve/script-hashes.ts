import { createHash } from "node:crypto";

/**
 * At build time only (`scripts/postbuild.ts`): the hashes of a prerendered page's inline scripts,
 * once each of them is known to be one that Next.js itself writes. A page's policy allows exactly
 * these, so a script that reached a page any other way (content, a dependency) is not recorded:
 * the build stops and names it instead of allowing it.
 *
 * What Next.js writes inline is data handed to its runtime, in three fixed shapes: the RSC stream
 * bootstrap, `self.__next_f.push(<JSON>)` chunks of the page's RSC payload, and Turbopack's
 * `push(<JSON>)` of the chunks to load. Anything else — even JavaScript that merely starts the same
 * way — is foreign.
 */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const NEXT_BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const DATA_CALLS = ["self.__next_f.push(", '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push('];
/** `type` values a browser does not run (anything else, or none, is JavaScript or a module). */
const DATA_TYPES = new Set(["application/ld+json", "application/json"]);

export interface PageScripts {
  /** `'sha256-…'` of each recognised inline script, once each, in order of appearance. */
  readonly hashes: readonly string[];
  /** The start of each inline script that is not one of Next.js's own. */
  readonly foreign: readonly string[];
}

export function pageScripts(html: string): PageScripts {
  const hashes = new Set<string>();
  const foreign: string[] = [];
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(` ${attributes}`)?.[1]?.trim().toLowerCase();
    if (type && DATA_TYPES.has(type)) continue;
    if (isNextScript(body)) hashes.add(scriptHash(body));
    else foreign.push(body.slice(0, 80));
  }
  return { hashes: [...hashes], foreign };
}

export function scriptHash(body: string): string {
  return `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
}

function isNextScript(body: string): boolean {
  if (body === NEXT_BOOTSTRAP) return true;
  const call = DATA_CALLS.find((start) => body.startsWith(start));
  const end = body.endsWith(");") ? -2 : body.endsWith(")") ? -1 : 0;
  if (!call || end === 0) return false;
  try {
    JSON.parse(body.slice(call.length, end));
    return true;
  } catch {
    return false;
  }
}
