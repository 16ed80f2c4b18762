import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Definition, Html, Root } from "mdast";
import type { Plugin } from "unified";
import type { Point } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { report } from "../messages";

/**
 * Lints what content could smuggle into a page. Rendering sanitises HTML anyway; this tells the
 * author at `content:check` time, at the line and column, instead of letting the markup vanish:
 * - raw HTML is a warning (it is removed when rendered; Markdown says the same thing);
 * - script-like elements, event handler attributes, `javascript:`/`data:`/`vbscript:` URLs and
 *   images from other hosts are errors, in raw HTML and in Markdown links, images and
 *   definitions alike.
 * Raw HTML is read with a real HTML parser, so entities and odd spacing do not hide anything.
 */
const SCRIPT_LIKE = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet"]);
/** hast property names of attributes that hold a URL. */
const URL_PROPERTIES = ["href", "src", "srcSet", "action", "formAction", "xLinkHref", "poster", "background", "data", "cite"];
const IMAGE_TAGS = new Set(["img", "image", "source", "picture"]);

/** The scheme a browser would see, if it is one that runs code or inlines content. */
export function unsafeProtocol(url: string): string | null {
  // Browsers drop control characters and whitespace inside a scheme ("java\tscript:").
  let scheme = "";
  for (const char of url.trim()) {
    if (char === ":") break;
    if (char.charCodeAt(0) > 32) scheme += char.toLowerCase();
    if (scheme.length > 16) return null;
  }
  return url.includes(":") && ["javascript", "data", "vbscript"].includes(scheme) ? scheme : null;
}

/** An absolute or protocol-relative URL: a resource served by another host. */
export function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]{0,31}:)?\/\//i.test(url.trim());
}

const short = (url: string) => (url.length > 60 ? `${url.slice(0, 57)}…` : url);

const remarkCheckHtml: Plugin<[], Root> = () => (tree, file) => {
  const definitions = new Map<string, Definition>();
  visit(tree, "definition", (node) => {
    definitions.set(node.identifier, node);
  });
  visit(tree, (node) => {
    const start = node.position?.start;
    switch (node.type) {
      case "link":
      case "definition":
        checkUrl(file, node.url, start);
        break;
      case "image":
        if (!checkUrl(file, node.url, start) && isExternal(node.url)) report(file, "image-external", { place: start }, short(node.url));
        break;
      case "imageReference": {
        const url = definitions.get(node.identifier)?.url;
        if (url !== undefined && !unsafeProtocol(url) && isExternal(url)) report(file, "image-external", { place: start }, short(url));
        break;
      }
      case "html":
        checkHtml(file, node);
        break;
    }
  });
};

/** Reports an unsafe scheme; true when it did. */
function checkUrl(file: VFile, url: string, place: Point | undefined): boolean {
  const protocol = unsafeProtocol(url);
  if (protocol) report(file, "link-unsafe-protocol", { place }, protocol, short(url));
  return protocol !== null;
}

function checkHtml(file: VFile, node: Html) {
  const origin = node.position?.start ?? { line: 1, column: 1 };
  const fragment = fromHtml(node.value, { fragment: true });
  const before = file.messages.length;
  let markup = false;
  visit(fragment, "element", (element: Element) => {
    markup = true;
    const place = within(origin, element.position?.start);
    if (SCRIPT_LIKE.has(element.tagName)) report(file, "html-script", { place }, element.tagName);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) report(file, "html-event-handler", { place }, name.toLowerCase(), element.tagName);
      if (!URL_PROPERTIES.includes(name)) continue;
      for (const url of Array.isArray(value) ? value.map(String) : [String(value)]) {
        const protocol = unsafeProtocol(url);
        if (protocol) report(file, "link-unsafe-protocol", { place }, protocol, short(url));
        else if (IMAGE_TAGS.has(element.tagName) && isExternal(url)) report(file, "image-external", { place }, short(url));
      }
    }
  });
  // Markup already reported as an error needs no warning too; comments are not rendered at all.
  if (markup && file.messages.length === before) report(file, "html-raw", { place: origin }, short(node.value.trim().split("\n")[0] ?? ""));
}

/** A point of the parsed fragment, as a point of the Markdown file the fragment came from. */
function within(origin: Point, inner: Point | undefined): Point {
  if (!inner) return origin;
  return inner.line === 1 ? { line: origin.line, column: origin.column + inner.column - 1 } : { line: origin.line + inner.line - 1, column: inner.column };
}

export default remarkCheckHtml;
