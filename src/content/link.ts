import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { report } from "./messages";
import type { Entry, UpstreamList } from "./schema";
import type { YamlData } from "./yaml-source";

export interface UpstreamSource {
  readonly list: UpstreamList;
  readonly file: VFile;
  readonly yaml: YamlData;
  /**
   * Upstream ids claimed by entries that failed on their own: their problem is reported on the
   * entry, and the ids they claim are not also reported as uncovered.
   */
  readonly claimedByFailed?: ReadonlySet<string>;
}

export interface ParsedEntry {
  readonly file: VFile;
  readonly entry: Entry;
}

/**
 * Cross-file checks, run once every file has been validated on its own: duplicate ids, links and
 * `related` ids that name nothing, signatures claimed twice, and upstream problems nobody covers.
 * Returns the entries that may go into the graph (a duplicate id keeps only its first file).
 */
export function linkEntries(
  parsed: readonly ParsedEntry[],
  /** Ids of files that failed on their own: a link to one of them is not also reported as unknown. */
  failedIds: ReadonlySet<string>,
  upstream: UpstreamSource,
): Entry[] {
  const firstById = new Map<string, ParsedEntry>();
  const kept: ParsedEntry[] = [];
  for (const item of parsed) {
    const first = firstById.get(item.entry.id);
    if (first) {
      report(item.file, "id-duplicate", { place: idPlace(item), cause: elsewhere(first.file, idPlace(first)) }, item.entry.id);
      continue;
    }
    firstById.set(item.entry.id, item);
    kept.push(item);
  }

  for (const { file, entry } of kept) {
    const yaml = file.data.frontmatter;
    entry.related.forEach((id, index) => {
      const place = yaml?.rangeOf(["related", index]);
      if (id === entry.id) report(file, "related-self", { place }, id);
      else if (!firstById.has(id) && !failedIds.has(id)) report(file, "related-unknown", { place }, id);
    });
    for (const link of file.data.entryLinks ?? []) {
      const target = firstById.get(link.id)?.entry;
      if (!target) {
        if (!failedIds.has(link.id)) report(file, "link-unknown-entry", { place: link.place }, link.id);
      }
      else if (link.cause !== null && !(target.kind === "problem" && target.causes.some((c) => c.id === link.cause))) {
        report(file, "link-unknown-cause", { place: link.place }, link.id, link.cause);
      }
    }
  }

  checkSignatures(kept);
  checkCoverage(kept, upstream);
  return kept.map((item) => item.entry);
}

function checkSignatures(parsed: readonly ParsedEntry[]): void {
  const claimed = new Map<string, { entry: Entry; file: VFile; place: Point | Position }>();
  for (const { file, entry } of parsed) {
    const own = entry.signatures.map((signature, index) => ({
      signature,
      place: file.data.frontmatter?.rangeOf(["signatures", index]) ?? { line: 1, column: 1 },
    }));
    const fromCauses =
      entry.kind === "problem"
        ? entry.causes.flatMap((cause) =>
            cause.signatures.map((signature, index) => ({
              signature,
              place: file.data.causeSignaturePlaces?.[cause.id]?.[index] ?? { line: cause.line, column: 1 },
            })),
          )
        : [];
    for (const { signature, place } of [...own, ...fromCauses]) {
      const key = signatureKey(signature);
      const first = claimed.get(key);
      if (!first) {
        claimed.set(key, { entry, file, place });
      } else if (first.entry.id !== entry.id) {
        report(file, "signature-duplicate", { place, cause: elsewhere(first.file, first.place) }, signature, first.entry.id);
      }
    }
  }
}

function checkCoverage(parsed: readonly ParsedEntry[], upstream: UpstreamSource): void {
  const covered = new Set([...parsed.flatMap(({ entry }) => entry.upstream), ...(upstream.claimedByFailed ?? [])]);
  upstream.list.problems.forEach((problem, index) => {
    if (!covered.has(problem.id)) {
      report(upstream.file, "upstream-uncovered", { place: upstream.yaml.rangeOf(["problems", index, "id"]) }, problem.id);
    }
  });
}

/** Two signatures are the same claim when they differ only in width, case or spacing. */
function signatureKey(signature: string): string {
  return signature.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function idPlace(item: ParsedEntry): Position | Point {
  return item.file.data.frontmatter?.rangeOf(["id"]) ?? { line: 1, column: 1 };
}

/** The first occurrence of something a message says is duplicated, as remark-lint's no-duplicate-headings points at it. */
export function elsewhere(file: VFile, place: Point | Position): VFileMessage {
  const message = new VFileMessage("First defined here", { place });
  message.file = file.path;
  return message;
}
