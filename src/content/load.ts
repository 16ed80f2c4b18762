import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import { report } from "./messages";

/** Larger files are refused before parsing: no entry is this long, and parsing one would stall a build. */
export const MAX_FILE_BYTES = 256 * 1024;

export interface ContentSources {
  readonly dir: string;
  readonly taxonomy: VFile;
  readonly upstream: VFile;
  /** `neighbours.yml`, or null when the content has none (it is optional). */
  readonly neighbours: VFile | null;
  /** Entry files, sorted by path. A file whose bytes could not be used has an empty value and a message. */
  readonly entries: readonly VFile[];
  /** Authored flow files (`wizards/*.md`), sorted by path. */
  readonly flows: readonly VFile[];
}

/** Reads the content tree: `taxonomy.yml`, `upstream.yml`, `neighbours.yml` if present, every `entries/**\/*.md` and `wizards/**\/*.md`. */
export async function loadSources(dir: string): Promise<ContentSources> {
  const root = path.resolve(dir);
  const entriesDir = path.join(root, "entries");
  const flowsDir = path.join(root, "wizards");
  const [entryNames, flowNames] = await Promise.all([listMarkdown(entriesDir), listMarkdown(flowsDir)]);
  const [taxonomy, upstream, neighbours, entries, flows] = await Promise.all([
    readSource(path.join(root, "taxonomy.yml")),
    readSource(path.join(root, "upstream.yml")),
    readOptionalSource(path.join(root, "neighbours.yml")),
    Promise.all(entryNames.map((name) => readSource(path.join(entriesDir, name)))),
    Promise.all(flowNames.map((name) => readSource(path.join(flowsDir, name)))),
  ]);
  return { dir: root, taxonomy, upstream, neighbours, entries, flows };
}

async function listMarkdown(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir, { recursive: true });
    return names.filter((name) => name.endsWith(".md")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Like `readSource`, but a file that does not exist is null rather than an error. */
async function readOptionalSource(filePath: string): Promise<VFile | null> {
  const file = await readSource(filePath);
  return file.messages.some((m) => m.ruleId === "file-unreadable" && m.reason.includes("ENOENT")) ? null : file;
}

/** Reads one file into a VFile, reporting (not throwing) on a missing, oversized, empty or non-UTF-8 file. */
export async function readSource(filePath: string): Promise<VFile> {
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: "" });
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    report(file, "file-unreadable", {}, (error as NodeJS.ErrnoException).code ?? String(error));
    return file;
  }
  decodeInto(file, bytes);
  return file;
}

export function decodeInto(file: VFile, bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    report(file, "file-too-large", {}, bytes.byteLength, MAX_FILE_BYTES);
    return;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    report(file, "file-not-utf8", { place: pointAt(lenient, lenient.indexOf("\uFFFD")) });
    return;
  }
  if (text.trim() === "") {
    report(file, "file-empty", {});
    return;
  }
  file.value = text;
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
