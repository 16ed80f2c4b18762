import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * What a content tree looks like on disk without reading it: each file's path, size and
 * modification time. Cheap enough to take on every request under `npm run dev` (a few hundred
 * `stat` calls), so that an edit shows on the next reload without watching the file system.
 */
export type Fingerprint = ReadonlyMap<string, string>;

export async function fingerprint(dir: string): Promise<Fingerprint> {
  const result = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    return result;
  }
  await Promise.all(
    names.map(async (name) => {
      try {
        const info = await stat(path.join(dir, name));
        if (info.isFile()) result.set(name.split(path.sep).join("/"), `${info.size}:${info.mtimeMs}`);
      } catch {
        // Deleted between the listing and the stat: it is simply not there.
      }
    }),
  );
  return result;
}

/** The paths that were added, removed or changed between two fingerprints, sorted. */
export function changedFiles(before: Fingerprint, after: Fingerprint): string[] {
  const changed = new Set<string>();
  for (const [file, stamp] of after) if (before.get(file) !== stamp) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return [...changed].sort();
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && changedFiles(a, b).length === 0;
}
