import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const REAL_CONTENT = path.resolve(import.meta.dirname, "../../content");

/**
 * A throw-away content tree: the real taxonomy and upstream list, plus the entry files a test
 * writes, so that a test exercises the whole pipeline as `content:check` runs it.
 */
export interface TempContent {
  readonly dir: string;
  /** Writes a file under `entries/`; returns its path. */
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  /** Writes a file anywhere in the tree (`wizards/x.md`, `upstream.yml`); returns its path. */
  writeRoot(relativePath: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function tempContent(): Promise<TempContent> {
  const dir = await mkdtemp(path.join(tmpdir(), "kb-content-"));
  await copyFile(path.join(REAL_CONTENT, "taxonomy.yml"), path.join(dir, "taxonomy.yml"));
  await copyFile(path.join(REAL_CONTENT, "upstream.yml"), path.join(dir, "upstream.yml"));
  await mkdir(path.join(dir, "entries"), { recursive: true });
  const writeRoot = async (relativePath: string, content: string | Uint8Array) => {
    const target = path.join(dir, relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    return target;
  };
  return {
    dir,
    write: (relativePath, content) => writeRoot(path.join("entries", relativePath), content),
    writeRoot,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
