import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildWizardGraph } from "@/wizard/build";
import { resolve, type Walk } from "@/wizard/engine";
import { searchPrefill } from "@/wizard/prefill";
import { summarize } from "@/wizard/summary";
import { summaryAsMarkdown, summaryAsText } from "@/wizard/summary-format";
import { wizardUrl } from "@/urls";
import { SECRET_CASES, SECRET_LOG } from "../helpers/secret-log";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");
const wizards = buildWizardGraph(graph);
const absolute = (p: string) => new URL(p, "https://kb.example.com").toString();
const walkTo = (start: string, answers: string[]): Walk => {
  const walk = resolve(wizards, { start, answers });
  if (!walk.ok) throw new Error(walk.reason);
  return walk;
};

describe("the summary for support", () => {
  // 不确定 twice on the first cause, then 否, 否, then on to support. Built inside each test, not
  // once for the file: mutation testing switches a mutant on only while tests run, so a value
  // computed while the file loads would never see it.
  const supportSummary = () => {
    const walk = walkTo("gptlink-docker-server-error", ["u", "u", "n", "n", "s"]);
    return summarize(graph, walk, absolute(wizardUrl(walk.state)), absolute);
  };

  it("links everything absolutely, with entry and cause titles", () => {
    const summary = supportSummary();
    expect(summary.url).toBe("https://kb.example.com/wizard/gptlink-docker-server-error/u/u/n/n/s");
    expect(summary.entries).toEqual([{ title: "gptlink 用 Docker 部署后，页面提示「服务器错误」", url: "https://kb.example.com/entry/gptlink-docker-server-error" }]);
    expect(summary.causes.map((c) => [c.title, c.verdict])).toEqual([
      ["数据库或 Redis 地址填成了 127.0.0.1 / localhost", "unconfirmed"],
      ["MySQL 版本低于 5.7", "ruled-out"],
      ["docker-compose 首次启动时 gptlink 先于 MySQL、Redis 就绪", "ruled-out"],
    ]);
    expect(summary.related.map((r) => r.url)).toContain("https://kb.example.com/entry/gptlink-service-logs");
    expect(summary.diagnostics.map((d) => d.command)).toContain("docker logs gptlink");
  });

  it("records every answer given, but not the steps that only led on to support", () => {
    const summary = supportSummary();
    expect(summary.answers.map((a) => a.answer)).toEqual(["不确定", "还是确定不了，先看其他原因", "否", "否"]);
  });

  it("holds none of the secrets of a log pasted into the notes, the output and the evidence", () => {
    const summary = supportSummary();
    const user = { notes: SECRET_LOG, output: SECRET_LOG };
    const outputs = [summaryAsText(summary, user), summaryAsMarkdown(summary, user)];
    // Evidence as a hand-made URL may claim it: unmasked, on the line that carries the cause's signature.
    for (const c of SECRET_CASES) {
      const text = `SQLSTATE[42S02]: Base table or view not found: 1146 ${c.line.replaceAll("\n", " ")}`;
      const logged = resolve(wizards, { start: "gptlink-tables-not-created", answers: ["n", "n", "s"], evidence: [{ cause: "migrate-not-run", line: 1, text }] });
      if (!logged.ok) throw new Error(logged.reason);
      const out = summaryAsText(summarize(graph, logged, absolute(wizardUrl(logged.state)), absolute));
      expect(out).toContain("日志第 1 行：SQLSTATE[42S02]");
      outputs.push(out);
    }
    for (const out of outputs) expect(SECRET_CASES.filter((c) => out.includes(c.secret)).map((c) => c.kind)).toEqual([]);
  });

  it("adds the user's notes and output, masked, in both formats", () => {
    const summary = supportSummary();
    const user = { notes: "升级后开始", output: "SMTP_PASS=hunter2secret\n```\nERROR x" };
    const text = summaryAsText(summary, user);
    const markdown = summaryAsMarkdown(summary, user);
    for (const out of [text, markdown]) {
      expect(out).toContain("升级后开始");
      expect(out).toContain("SMTP_PASS=***");
      expect(out).not.toContain("hunter2secret");
    }
    expect(text).toContain("[未确认] 数据库或 Redis 地址填成了 127.0.0.1 / localhost：https://kb.example.com/entry/gptlink-docker-server-error#cause-db-address-localhost");
    // Pasted fences cannot close the output block early.
    expect(markdown.match(/^```/gm)).toHaveLength(4);
    expect(summaryAsMarkdown(summary)).not.toContain("命令输出");
  });

  it("quotes the log line that answered a check", () => {
    const fromLog = walkTo("gptlink-tables-not-created", []);
    const logged = resolve(wizards, { start: "gptlink-tables-not-created", answers: ["n", "n", "s"], evidence: [{ cause: "migrate-not-run", line: 4, text: "SQLSTATE[42S02]: Base table or view not found: 1146" }] });
    if (!logged.ok) throw new Error(logged.reason);
    expect(fromLog.trail).toHaveLength(0);
    const out = summaryAsText(summarize(graph, logged, "u", absolute));
    expect(out).toContain("—— 是（日志第 4 行：SQLSTATE[42S02]: Base table or view not found: 1146）");
  });

  it("leaves out the 都不是 step, which only led on to support", () => {
    const summary = summarize(graph, walkTo("triage", ["codo", "x.none", "s"]), "u", absolute);
    expect(summary.answers.map((a) => a.answer)).toEqual(["CODO", "都不是"]);
    expect(summary.answers.every((a) => a.fromLog === null)).toBe(true);
  });

  it("lists as related only the relatives not already on the path, and each system's diagnostics once", () => {
    const gptlink = graph.taxonomy.systems.find((s) => s.slug === "gptlink")!;
    const summary = summarize(graph, { trail: [], statuses: new Map(), visited: ["gptlink-docker-server-error", "gptlink-service-logs"] }, "u", absolute);
    expect(summary.related.map((r) => r.url)).toEqual(["https://kb.example.com/entry/gptlink-tables-not-created", "https://kb.example.com/entry/codo-docker-mysql-redis-unreachable"]);
    expect(summary.related[0]?.title).toBe(graph.byId.get("gptlink-tables-not-created")?.title);
    // Only the problem has causes; none of them was looked at on this (hand-made) path.
    expect(summary.causes.map((c) => [c.problem, c.verdict])).toEqual([
      ["gptlink-docker-server-error", "open"],
      ["gptlink-docker-server-error", "open"],
      ["gptlink-docker-server-error", "open"],
    ]);
    expect(summary.diagnostics).toEqual(gptlink.diagnostics);
  });

  it("falls back to the general diagnostics, and to the id as a title, when the path knows no entry", () => {
    const general = graph.taxonomy.systems.find((s) => s.slug === "general")!;
    const summary = summarize(graph, { trail: [], statuses: new Map(), visited: ["no-such-entry"] }, "u", absolute);
    expect(summary.entries).toEqual([{ title: "no-such-entry", url: "https://kb.example.com/entry/no-such-entry" }]);
    expect(summary.causes).toEqual([]);
    expect(summary.related).toEqual([]);
    expect(summary.diagnostics).toEqual(general.diagnostics);
    expect(general.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("searchPrefill", () => {
  it("says what the user told the wizard: entries opened and answers picked in flows, else the area", () => {
    expect(searchPrefill(walkTo("triage", ["codo", "x.none"]))).toBe("CODO");
    expect(searchPrefill(walkTo("triage", ["codo", "codo-mfa-phone-lost", "n"]))).toBe("装谷歌验证器的手机丢了，CODO 登录不了怎么办？");
    expect(searchPrefill(walkTo("docker-server-error", ["log-db-error", "tables-missing"]))).toBe("在运行 没有连接类的报错");
  });

  it("names the problems diagnosed, at most three things in all, else nothing", () => {
    const p = graph.byId.get("gptlink-docker-server-error")!;
    expect(searchPrefill(walkTo(p.id, ["n", "n", "n"]))).toBe(p.title);
    const fix = walkTo("docker-server-error", ["log-db-error", "compose-first-run", "docker-app-cannot-reach-mysql-redis~db-not-ready"]);
    expect(searchPrefill(fix)).toBe(`${graph.byId.get("docker-app-cannot-reach-mysql-redis")!.title} ${fix.trail[0]!.answer.label} ${fix.trail[1]!.answer.label}`);
    expect(searchPrefill(walkTo("triage", []))).toBe("");
  });

  it("cuts a long prefill to 120 characters", () => {
    const label = "很长的范围名".repeat(30);
    expect(searchPrefill({ trail: [], position: { kind: "support" }, scope: { by: "area", slug: "long", label } })).toBe(label.slice(0, 120));
  });
});
