import { describe, expect, it } from "vitest";
import { createLogLimit, parseCspReports } from "@/serve/csp-report";

describe("CSP violation reports", () => {
  it("reads a report-uri report, without the query of any URL", () => {
    const body = JSON.stringify({
      "csp-report": {
        "document-uri": "https://kb.example.com/search?q=SMTP_PASS%3Dhunter2",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "https://kb.example.com/search?q=x#y",
        "line-number": 3,
        "column-number": 9,
        "script-sample": "window.secret='hunter2'",
      },
    });
    expect(parseCspReports(body)).toEqual([
      { document: "https://kb.example.com/search", directive: "script-src-elem", blocked: "inline", source: "https://kb.example.com/search", line: 3, column: 9 },
    ]);
    expect(JSON.stringify(parseCspReports(body))).not.toContain("hunter2");
  });

  it("reads report-to reports, at most ten, ignoring other types", () => {
    const report = { type: "csp-violation", body: { documentURL: "http://localhost:3000/entry/a", effectiveDirective: "script-src-elem", blockedURL: "https://evil.example/x.js?k=1" } };
    const body = JSON.stringify([{ type: "deprecation", body: {} }, ...Array.from({ length: 30 }, () => report)]);
    const read = parseCspReports(body);
    expect(read).toHaveLength(10);
    expect(read[0]).toEqual({ document: "http://localhost:3000/entry/a", directive: "script-src-elem", blocked: "https://evil.example/x.js", source: null, line: null, column: null });
  });

  it("reads nothing from what is not a report, and cuts long or odd fields", () => {
    expect(parseCspReports("not json")).toEqual([]);
    expect(parseCspReports('{"a":1}')).toEqual([]);
    const [long] = parseCspReports(JSON.stringify({ "csp-report": { "document-uri": `x${"\u0000".repeat(5)}${"y".repeat(5000)}`, "line-number": "x" } }));
    expect(long?.document).toHaveLength(200);
    expect(long?.document).not.toContain("\u0000");
    expect(long?.line).toBeNull();
  });

  it("logs at most its rate, then says how many it dropped", () => {
    let now = 0;
    const limit = createLogLimit(3, () => now);
    expect([limit.take(), limit.take(), limit.take(), limit.take(), limit.take()].map((t) => t.ok)).toEqual([true, true, true, false, false]);
    now += 20_000; // one token back
    expect(limit.take()).toEqual({ ok: true, dropped: 2 });
    expect(limit.take().ok).toBe(false);
  });
});
