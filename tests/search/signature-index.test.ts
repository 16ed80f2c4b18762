import { describe, expect, it } from "vitest";
import type { SignatureRecord } from "@/search/index-data";
import { fold, normalizeLine } from "@/search/normalize";
import { compileSignature, containsAtBoundary, SignatureIndex, signatureRecord } from "@/search/signatures";

/**
 * The signature index built inside each test (signatures.test.ts builds its corpus once, while
 * loading): what a signature's pattern accepts, where it may start and end, and what a hit weighs.
 */
const record = (text: string, doc = 0, cause = -1): SignatureRecord => signatureRecord({ text, doc, cause }, new Set());
const matches = (records: readonly SignatureRecord[], line: string) =>
  new SignatureIndex(records).match(fold(line), normalizeLine(line)).map((hit) => ({ text: hit.record.text, values: hit.values.map((v) => `${v.placeholder}=${v.value}`) }));

describe("SignatureIndex", () => {
  it("tells a loopback address from a service name, and reads both values", () => {
    const records = [record("connect ECONNREFUSED {loopback}:{port}", 0, 0), record("connect ECONNREFUSED {name}:{port}", 0, 1)];
    expect(matches(records, "Error: connect ECONNREFUSED 127.0.0.1:3306")).toEqual([{ text: "connect ECONNREFUSED {loopback}:{port}", values: ["loopback=127.0.0.1", "port=3306"] }]);
    expect(matches(records, "Error: connect ECONNREFUSED mysql:3306")).toEqual([{ text: "connect ECONNREFUSED {name}:{port}", values: ["name=mysql", "port=3306"] }]);
  });

  it("keeps a pattern's literal text literal: brackets, dots and parentheses match only themselves", () => {
    const records = [record("SQLSTATE[HY000] (2002) at {host}.")];
    expect(matches(records, "PDOException: SQLSTATE[HY000] (2002) at db.")).toEqual([{ text: "SQLSTATE[HY000] (2002) at {host}.", values: ["host=db"] }]);
    expect(matches(records, "PDOException: SQLSTATEH (2002) at db.")).toEqual([]);
    expect(matches(records, "PDOException: SQLSTATE[HY000] 2002 at db.")).toEqual([]);
    expect(matches(records, "PDOException: SQLSTATE[HY000] (2002) at dbx")).toEqual([]);
  });

  it("does not let a pattern start or end inside a word", () => {
    const records = [record("econnrefused {ip}:3306")];
    expect(matches(records, "econnrefused 10.0.0.5:3306")).toHaveLength(1);
    // The line has the word econnrefused, so the pattern is tried, but its match would start inside xeconnrefused.
    expect(matches(records, "econnrefused: retry; xeconnrefused 10.0.0.5:3306")).toEqual([]);
    expect(matches(records, "econnrefused 10.0.0.5:33060")).toEqual([]);
    expect(matches(records, "econnrefused 10.0.0.5:3306a")).toEqual([]);
  });

  it("lets only the pattern's own ends sit at a word boundary, not literal text next to a placeholder", () => {
    expect(matches([record("timeout after {n}ms")], "timeout after 300ms")).toEqual([{ text: "timeout after {n}ms", values: ["n=300"] }]);
    expect(matches([record("server v{n} started")], "server v2 started")).toEqual([{ text: "server v{n} started", values: ["n=2"] }]);
  });

  it("matches a plain signature whatever its numbers were this time, but not inside a longer word", () => {
    const records = [record("Took 1234 attempts, connection refused")];
    expect(matches(records, "took 9876 attempts, connection refused")).toHaveLength(1);
    expect(matches(records, "took 9876 attempts, connection refusedx")).toEqual([]);
  });

  it("finds every signature the line contains, plain and with placeholders, each once", () => {
    const records = [record("connection refused", 0), record("connect ECONNREFUSED {ip}:{port}", 1), record("端口被占用", 2), record("unrelated text", 3)];
    const hits = matches(records, "connect ECONNREFUSED 10.0.0.5:3306 connection refused 端口被占用");
    expect(hits.map((h) => h.text).sort()).toEqual(["connect ECONNREFUSED {ip}:{port}", "connection refused", "端口被占用"]);
  });
});

describe("compileSignature weights", () => {
  it("counts a Han character twice, a Latin one once, and no spaces", () => {
    expect(compileSignature(record("port busy")).weight).toBe(8);
    expect(compileSignature(record("端口被占用")).weight).toBe(10);
    // A masked number says nothing about the error: "error" and "denied" count, "<num>" does not.
    expect(compileSignature(record("Error 1045 denied")).weight).toBe(11);
  });

  it("adds three for each typed placeholder, nothing for a free one", () => {
    // Literal text "connect econnrefused :" weighs 20.
    expect(compileSignature(record("connect ECONNREFUSED {loopback}:{port}")).weight).toBe(26);
    expect(compileSignature(record("connect ECONNREFUSED {host}:{*}")).weight).toBe(20);
    expect(compileSignature(record("connect ECONNREFUSED {ip}:{name}")).weight).toBe(26);
  });
});

describe("containsAtBoundary", () => {
  it("accepts a Latin needle only where it is a whole word, trying every occurrence", () => {
    expect(containsAtBoundary("abc", "abc")).toBe(true);
    expect(containsAtBoundary("xabc abc", "abc")).toBe(true);
    expect(containsAtBoundary("xabc abcx", "abc")).toBe(false);
    expect(containsAtBoundary("abc_d", "abc")).toBe(false);
    expect(containsAtBoundary("d_abc", "abc")).toBe(false);
    expect(containsAtBoundary("[abc]", "abc")).toBe(true);
  });

  it("sees through underscores that only wrap the text (Markdown emphasis), not through ones inside a word", () => {
    expect(containsAtBoundary("_access denied for user 'root'_", "access denied for user")).toBe(true);
    expect(containsAtBoundary("see __abc__.", "abc")).toBe(true);
    expect(containsAtBoundary("x__abc", "abc")).toBe(false);
    expect(containsAtBoundary("abc__x", "abc")).toBe(false);
  });

  it("lets a needle that starts or ends with a non-word character sit next to anything", () => {
    expect(containsAtBoundary("x:abc", ":abc")).toBe(true);
    expect(containsAtBoundary("abc:x", "abc:")).toBe(true);
    expect(containsAtBoundary("错误码错误", "错误")).toBe(true);
  });

  it("never matches an empty needle", () => {
    expect(containsAtBoundary("abc", "")).toBe(false);
  });
});
