import { createTwoFilesPatch } from "diff";
import YAML, { isSeq, isScalar, type Document } from "yaml";

/**
 * "Make this findable": the change to an entry's Markdown file that adds a signature to its
 * front matter, as a unified diff for the maintainer to apply. Content stays in git; nothing here
 * writes a file. The insertion is textual, so the rest of the file (comments, quoting, order)
 * is left exactly as the author wrote it, and the result is parsed again to check that the front
 * matter now lists the new signature.
 */
export type FindableChange =
  | { readonly ok: true; readonly text: string; readonly diff: string }
  | { readonly ok: false; readonly reason: "no-frontmatter" | "invalid-frontmatter" | "already-listed" | "empty-signature" | "unexpected-shape" };

const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)---(?:\r?\n|$)/;

/** A signature is one line: newlines and surrounding spaces go, inner runs of spaces become one. */
export function cleanSignature(signature: string): string {
  return signature.replace(/\s+/g, " ").trim();
}

export function addSignature(file: { readonly path: string; readonly text: string }, rawSignature: string): FindableChange {
  const signature = cleanSignature(rawSignature);
  if (signature === "") return { ok: false, reason: "empty-signature" };
  const match = FRONTMATTER.exec(file.text);
  if (!match?.[1]) return { ok: false, reason: "no-frontmatter" };
  const yamlText = match[1];
  const offset = match[0].indexOf(yamlText);
  const doc = YAML.parseDocument(yamlText);
  if (doc.errors.length > 0) return { ok: false, reason: "invalid-frontmatter" };
  if (listed(doc).includes(signature)) return { ok: false, reason: "already-listed" };

  const edited = insert(yamlText, doc, signature);
  if (edited === null) return { ok: false, reason: "unexpected-shape" };
  const check = YAML.parseDocument(edited);
  if (check.errors.length > 0 || !listed(check).includes(signature)) return { ok: false, reason: "unexpected-shape" };

  const text = file.text.slice(0, offset) + edited + file.text.slice(offset + yamlText.length);
  const patch = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.text, text, undefined, undefined, { context: 3 });
  // Drop the "=====" line jsdiff puts first: what is left is what `git diff` prints and `git apply` reads.
  const diff = patch.replace(/^=+\r?\n/, "");
  return { ok: true, text, diff };
}

function listed(doc: Document): string[] {
  const node = doc.get("signatures", true);
  if (!isSeq(node)) return [];
  return node.items.map((item) => (isScalar(item) ? String(item.value) : ""));
}

function insert(yamlText: string, doc: Document, signature: string): string | null {
  const newline = yamlText.includes("\r\n") ? "\r\n" : "\n";
  const node = doc.get("signatures", true);
  if (node === undefined || node === null) {
    // No list yet: add one where the authoring guide puts it, before `related:` or at the end.
    const block = `signatures:${newline}  - ${blockScalar(signature)}${newline}`;
    const related = /^related:/m.exec(yamlText);
    const at = related ? related.index : yamlText.length;
    return yamlText.slice(0, at) + block + yamlText.slice(at);
  }
  if (!isSeq(node) || !node.range) return null;
  if (node.flow) {
    // `signatures: [a, b]`: before the closing bracket.
    const close = yamlText.lastIndexOf("]", node.range[1]);
    if (close < 0) return null;
    const empty = node.items.length === 0;
    return `${yamlText.slice(0, close).replace(/\s*$/, "")}${empty ? "" : ", "}${JSON.stringify(signature)}${yamlText.slice(close)}`;
  }
  // A block list: a new line after the last item, indented like it.
  const last = node.items.at(-1);
  if (!last || !isScalar(last) || !last.range) return null;
  const lineStart = yamlText.lastIndexOf("\n", last.range[0]) + 1;
  const indent = /^(\s*-\s+)/.exec(yamlText.slice(lineStart, last.range[0]))?.[1];
  if (indent === undefined) return null;
  const lineEnd = yamlText.indexOf("\n", last.range[1] > 0 ? last.range[1] - 1 : 0);
  const at = lineEnd < 0 ? yamlText.length : lineEnd + 1;
  return `${yamlText.slice(0, at)}${indent}${blockScalar(signature)}${newline}${yamlText.slice(at)}`;
}

/** The signature as a YAML scalar in a block list: plain when YAML allows, quoted when it must be. */
function blockScalar(signature: string): string {
  return YAML.stringify(signature, { lineWidth: 0 }).trimEnd();
}
