import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displaySignature, parseSignature } from "@/content/signature-pattern";
import type { SignatureRecord } from "@/search/index-data";
import { fold, normalizeLine } from "@/search/normalize";
import { SignatureIndex, signatureRecord } from "@/search/signatures";

const record = (text: string, doc: number, cause = -1): SignatureRecord => signatureRecord({ text, doc, cause }, new Set());

/** A tiny made-up corpus: one entry with a cause per kind of address, and a plain signature elsewhere. */
const index = new SignatureIndex([
  record("Can't connect to MySQL server on '{host}'", 0),
  record("Can't connect to MySQL server on '{loopback}'", 0, 0),
  record("Can't connect to MySQL server on '{name}'", 0, 1),
  record("connect ECONNREFUSED {loopback}:{port}", 0, 0),
  record("invalid ip {ip} ipv6 ::ffff:{ip}, not in whitelist", 1),
  record("Scope参数错误或没有Scope权限", 2),
]);

const match = (line: string) => {
  const folded = fold(line);
  return index.match(folded, normalizeLine(line)).map((hit) => ({ text: hit.record.text, cause: hit.record.cause, values: hit.values.map((v) => v.value) }));
};

describe("placeholder signatures", () => {
  it("tell a loopback address from a compose service name (real MySQL client lines)", () => {
    expect(match("ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1' (111)")).toContainEqual({ text: "Can't connect to MySQL server on '{loopback}'", cause: 0, values: ["127.0.0.1"] });
    const service = match("django.db.utils.OperationalError: (2003, \"Can't connect to MySQL server on 'db' (111)\")");
    expect(service).toContainEqual({ text: "Can't connect to MySQL server on '{name}'", cause: 1, values: ["db"] });
    expect(service.some((h) => h.cause === 0)).toBe(false);
  });

  it("a domain is a host but not a service name", () => {
    const hits = match("Can't connect to MySQL server on 'rm-bp1.mysql.rds.aliyuncs.com' (110)");
    expect(hits.map((h) => h.text)).toEqual(["Can't connect to MySQL server on '{host}'"]);
    expect(hits[0]?.values).toEqual(["rm-bp1.mysql.rds.aliyuncs.com"]);
  });

  it("reads the values of typed placeholders", () => {
    expect(match("Error: connect ECONNREFUSED 127.0.0.1:3306")).toContainEqual({ text: "connect ECONNREFUSED {loopback}:{port}", cause: 0, values: ["127.0.0.1", "3306"] });
    expect(match("connect ECONNREFUSED 172.18.0.3:3306")).toEqual([]);
    expect(match('{"errcode":40164,"errmsg":"invalid ip 47.98.12.34 ipv6 ::ffff:47.98.12.34, not in whitelist"}')[0]?.values).toEqual(["47.98.12.34", "47.98.12.34"]);
  });

  it("does not start or end inside a word", () => {
    expect(match("reconnect ECONNREFUSED 127.0.0.1:3306")).toEqual([]);
  });

  it("matches plain signatures whatever the spacing around Chinese", () => {
    expect(match("扫码后提示 Scope 参数错误或没有 Scope 权限")[0]?.text).toBe("Scope参数错误或没有Scope权限");
  });

  it("never throws and stays bounded on hostile lines", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4000 }), (line) => {
        expect(Array.isArray(match(line))).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(match(`Can't connect to MySQL server on '${"a.".repeat(10_000)}`)).toEqual([]);
  });
});

describe("the placeholder syntax", () => {
  it("splits literals and placeholders and reports unknown names", () => {
    expect(parseSignature("a {host} b {nope}")).toEqual({ pieces: [{ literal: "a " }, { placeholder: "host" }, { literal: " b {nope}" }], unknown: ["nope"] });
  });

  it("shows placeholders to readers by their Chinese names", () => {
    expect(displaySignature("connect ECONNREFUSED {loopback}:{port}")).toBe("connect ECONNREFUSED ‹本机地址›:‹端口›");
  });
});
