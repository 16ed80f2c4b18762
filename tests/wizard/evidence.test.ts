import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import type { Problem } from "@/content/schema";
import { acceptEvidence, logEvidence, MAX_QUOTE, pasteLines, quoteLine, startFromHit } from "@/wizard/evidence";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");
const problem = (id: string) => graph.byId.get(id) as Problem;

describe("log evidence", () => {
  const tokens = problem("wechat-access-token-expired");

  it("settles the cause whose own signature a line carries, first matching line wins", () => {
    const lines = pasteLines('starting\n\nGET /cgi-bin/token 200\n{"errcode": 40001, "errmsg":"invalid credential, access_token is invalid or not latest"}\n{"errcode":40001}');
    expect(lines.map((l) => l.line)).toEqual([1, 3, 4, 5]);
    expect(logEvidence(tokens, lines)).toEqual([{ cause: tokens.causes[1]!.id, line: 4, text: '{"errcode": 40001, "errmsg":"invalid credential, access_token is invalid or not latest"}' }]);
  });

  it("settles nothing on entry-level signatures or on a description", () => {
    const server = problem("gptlink-docker-server-error");
    expect(logEvidence(server, pasteLines("SQLSTATE[HY000] [2002] Connection refused"))).toEqual([]);
    expect(logEvidence(tokens, pasteLines("access token 好像过期了"))).toEqual([]);
  });

  it("quotes one line, masked and cut to a readable length", () => {
    expect(quoteLine("  AppSecret=abcdef123456  access_token=xyz ")).toBe("AppSecret=*** access_token=***");
    const long = quoteLine(`"errcode":42001 ${"x".repeat(500)}`);
    expect(long).toHaveLength(MAX_QUOTE);
    expect(long.endsWith("…")).toBe(true);
  });

  it("keeps only the claimed lines that really carry the cause's signature", () => {
    const id = tokens.causes[0]!.id;
    const accepted = acceptEvidence(tokens, [
      { cause: id, line: 2, text: 'x {"errcode":42001} y' },
      { cause: id, line: 9, text: "a second claim for the same cause" },
      { cause: "no-such-cause", line: 1, text: '"errcode":42001' },
      { cause: tokens.causes[1]!.id, line: 3, text: "请加 QQ 群 12345" },
    ]);
    expect([...accepted.values()]).toEqual([{ cause: id, line: 2, text: 'x {"errcode":42001} y' }]);
  });

  it("never lets a blank signature settle a cause, and quotes at most five causes", () => {
    const base = tokens.causes[0]!;
    const madeUp = (signatures: string[][]): Problem => ({ ...tokens, id: "made-up", causes: signatures.map((sigs, i) => ({ ...base, id: `c${i}`, signatures: sigs })) });
    expect(logEvidence(madeUp([[" \t "], ["oops"]]), [{ line: 1, text: "any line at all" }])).toEqual([]);
    const six = logEvidence(madeUp([["boom"], ["boom"], ["boom"], ["boom"], ["boom"], ["boom"]]), [{ line: 2, text: "BOOM" }]);
    expect(six.map((e) => e.cause)).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("skips lines of only whitespace but counts them", () => {
    expect(pasteLines("first\n \t \nthird\r\nfourth\rfifth")).toEqual([
      { line: 1, text: "first" },
      { line: 3, text: "third" },
      { line: 4, text: "fourth" },
      { line: 5, text: "fifth" },
    ]);
  });

  it("numbers the lines of a long paste within what the search keeps", () => {
    const paste = `${"noise line\n".repeat(5000)}"errcode":42001`;
    const lines = pasteLines(paste);
    expect(lines.length).toBeLessThanOrEqual(400);
    expect(lines.at(-1)?.text).toBe('"errcode":42001');
  });
});

describe("startFromHit", () => {
  it("opens a question or guide as its final step, a problem at the hit's cause with the settling lines", () => {
    expect(startFromHit(graph, { id: "codo-mfa-phone-lost" }, [])).toEqual({ start: "codo-mfa-phone-lost", answers: [] });
    expect(startFromHit(graph, { id: "no-such-entry" }, [])).toEqual({ start: "no-such-entry", answers: [] });
    const tables = problem("gptlink-tables-not-created");
    const line = "ERROR: SQLSTATE[42S02]: Base table or view not found: 1146";
    expect(startFromHit(graph, { id: tables.id }, [{ line: 3, text: line }])).toEqual({
      start: tables.id,
      answers: [],
      evidence: [{ cause: "migrate-not-run", line: 3, text: line }],
    });
    expect(startFromHit(graph, { id: "gptlink-docker-server-error", cause: "mysql-too-old" }, [{ line: 1, text: "服务器错误" }])).toEqual({
      start: "gptlink-docker-server-error~mysql-too-old",
      answers: [],
    });
  });
});
