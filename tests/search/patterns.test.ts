import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { compileSignature, signatureRecord } from "@/search/signatures";

/**
 * Every regular expression that sees user text must run in time linear in its input. Two checks:
 * - recheck (automata theory, and fuzzing where a pattern has look-arounds) finds no
 *   super-linear behaviour in any pattern of these files — including the quadratic kind, where a
 *   failed attempt from every start position rescans the same run;
 * - each pattern is run on the probe's adversarial shapes at 20 KB and 256 KB and on random
 *   strings at 20 KB (a pattern that went quadratic again would take minutes here, not seconds).
 * Patterns are read from the source, so a new one is checked without being listed; the patterns
 * compiled at run time (signatures with placeholders) are compiled here from the real content.
 * recheck takes seconds per pattern, so its verdicts are kept in patterns.recheck.json by exact
 * source and flags; a new or changed pattern is checked live, and `UPDATE=1` rewrites the file.
 */
const root = path.resolve(__dirname, "../..");
/** Files that only ever read content or eval data, never a visitor's text. */
const CONTENT_ONLY = new Set(["build-index.ts", "baseline.ts", "eval.ts", "index-data.ts"]);
const FILES = [
  ...readdirSync(path.join(root, "src/search"))
    .filter((f) => f.endsWith(".ts") && !CONTENT_ONLY.has(f))
    .map((f) => `src/search/${f}`),
  "src/urls.ts",
  "src/app/api/search/route.ts",
  "src/app/search/page.tsx",
  "src/app/search/actions.ts",
  "src/app/wizard/[[...path]]/page.tsx",
].filter((f) => existsSync(path.join(root, f)));

/** Files that compile patterns at run time; `compiledPatterns` below collects what they compile. */
const BUILT_AT_RUN_TIME = new Set(["src/search/signatures.ts"]);

interface Found {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function patternsOf(file: string): Found[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const slash = literal.lastIndexOf("/");
      const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ where: `${file}:${line}`, source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp" && !BUILT_AT_RUN_TIME.has(file)) {
      throw new Error(`${file}: a RegExp built at run time cannot be checked here; write it as a literal`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Every signature with placeholders in the content, as the matcher it becomes. */
async function compiledPatterns(): Promise<Found[]> {
  const content = await buildContent(path.join(root, "content"));
  if (!content.graph) throw new Error("content has errors");
  const index = buildSearchIndex(content.graph);
  const keep = new Set(index.keepNumbers);
  return index.signatures.flatMap((stored) => {
    const { record, pattern } = compileSignature(signatureRecord(stored, keep));
    return pattern ? [{ where: `signature ${JSON.stringify(record.text)}`, source: pattern.source, flags: pattern.flags }] : [];
  });
}

const PATTERNS = [...FILES.flatMap(patternsOf), ...(await compiledPatterns())];
const key = (p: Found) => `/${p.source}/${p.flags}`;

const CACHE_FILE = path.join(__dirname, "patterns.recheck.json");
const cache: Record<string, string> = existsSync(CACHE_FILE) ? (JSON.parse(readFileSync(CACHE_FILE, "utf8")) as Record<string, string>) : {};

/** Patterns recheck found super-linear: already failing, and not worth minutes of running below. */
const flagged = new Set<string>();

const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
/** The shapes that took seconds before (the probe's four, and their neighbours). */
const ADVERSARIAL_UNITS = ["a.", "a-", "A.", "1%", "a@", "a:", "a=", "-", "/", "1.", "a1", "日志", "wx ", "mysql ", "password=", "\"a\":\"", "-----BEGIN PRIVATE KEY-----"];

/**
 * Whether every repetition in `source` has an upper bound (no `*`, `+` or `{n,}` outside character
 * classes). Such a pattern does at most a bounded amount of work from each start position, so it is
 * linear whatever recheck says; recheck's fuzzer can time out (verdict "unknown") on a large bound
 * such as the `{*}` placeholder's `[^\n]{0,200}?`, and the timed runs below still apply to it.
 */
function onlyBoundedRepetition(source: string): boolean {
  const outsideClasses = source.replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return !/[*+]|\{\d+,\}/.test(outsideClasses);
}

describe("regular expressions that see user text", () => {
  it("are found in the source", () => {
    expect(PATTERNS.length).toBeGreaterThan(40);
  });

  it("are all linear according to recheck", { timeout: 600_000 }, async () => {
    const verdicts: Record<string, string> = {};
    const unsafe: string[] = [];
    for (const pattern of PATTERNS) {
      let status = process.env.UPDATE === "1" ? undefined : cache[key(pattern)];
      if (status === undefined) {
        // Judged by steps counted, not by time, so that a busy machine cannot change the verdict.
        const result = await check(pattern.source, pattern.flags, {
          randomSeed: 1,
          timeout: 120_000,
          attackTimeout: null,
          incubationTimeout: null,
          seedingTimeout: null,
          recallTimeout: null,
        });
        status = result.status === "vulnerable" ? `vulnerable: ${result.complexity.summary}, attack ${result.attack.pattern}` : result.status;
      }
      verdicts[key(pattern)] = status;
      if (status !== "safe" && !(status === "unknown" && onlyBoundedRepetition(pattern.source))) {
        unsafe.push(`${pattern.where} ${key(pattern)} → ${status}`);
        flagged.add(key(pattern));
      }
    }
    if (process.env.UPDATE === "1") writeFileSync(CACHE_FILE, `${JSON.stringify(verdicts, null, 2)}\n`);
    expect(unsafe).toEqual([]);
  });

  it.each(PATTERNS.map((p) => [p.where, p] as const))("%s runs through adversarial and random input", (_where, pattern) => {
    if (flagged.has(key(pattern))) return;
    const regex = new RegExp(pattern.source, pattern.flags);
    const run = (input: string) => {
      regex.lastIndex = 0;
      if (regex.global) input.replace(regex, "");
      else regex.test(input);
    };
    for (const unit of ADVERSARIAL_UNITS) {
      run(repeat(unit, 20 * 1024));
      run(repeat(unit, 256 * 1024));
    }
    fc.assert(
      fc.property(fc.string({ minLength: 20 * 1024, maxLength: 20 * 1024, unit: fc.constantFrom("a", "A", "1", ".", "-", "%", "@", ":", "=", "/", " ", "\n", "_", '"', "日") }), (input) => {
        run(input);
      }),
      { numRuns: 5, seed: 11 },
    );
  });
});
