import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { checkEvent, checkVote, fromForm } from "@/feedback/records";
import { buildWizardGraph } from "@/wizard/build";

const result = await buildContent(path.resolve("content"));
const graph = result.graph!;
const wizards = buildWizardGraph(graph);
const ENTRY = "gptlink-docker-server-error";

describe("vote bodies", () => {
  it("accepts a vote on an entry or one of its causes, with the reason masked", () => {
    expect(checkVote({ entry: ENTRY, helpful: true }, graph, null)).toMatchObject({ ok: true, value: { entry: ENTRY, cause: "", helpful: true, reason: null, session: null } });
    const vote = checkVote({ entry: ENTRY, cause: "db-address-localhost", helpful: false, reason: "  改了 SMTP_PASS=hunter2 还是不行 " }, graph, "s1");
    expect(vote).toMatchObject({ ok: true, value: { cause: "db-address-localhost", session: "s1", reason: "改了 SMTP_PASS=*** 还是不行" } });
  });

  it("refuses unknown ids, wrong shapes and long reasons, saying which", () => {
    expect(checkVote({ entry: "nope", helpful: true }, graph, null)).toMatchObject({ ok: false, code: "unknown_entry" });
    expect(checkVote({ entry: ENTRY, cause: "nope", helpful: true }, graph, null)).toMatchObject({ ok: false, code: "unknown_cause" });
    // A question has no causes to vote on.
    expect(checkVote({ entry: "wechat-pay-appid-vs-mp-appid", cause: "x", helpful: true }, graph, null)).toMatchObject({ ok: false, code: "unknown_cause" });
    expect(checkVote({ entry: ENTRY, helpful: "yes" }, graph, null)).toMatchObject({ ok: false, code: "invalid_body" });
    expect(checkVote({ entry: ENTRY, helpful: true, extra: 1 }, graph, null)).toMatchObject({ ok: false, code: "invalid_body" });
    expect(checkVote([], graph, null)).toMatchObject({ ok: false, code: "invalid_body" });
    expect(checkVote({ entry: ENTRY, helpful: false, reason: "长".repeat(500) }, graph, null).ok).toBe(true);
    expect(checkVote({ entry: ENTRY, helpful: false, reason: "长".repeat(501) }, graph, null)).toMatchObject({ ok: false, code: "reason_too_long" });
  });

  it("reads an HTML form as the same shape", () => {
    const form = new URLSearchParams({ entry: ENTRY, cause: "", helpful: "no", reason: "x", _ignored: "1" });
    expect(fromForm(form)).toEqual({ entry: ENTRY, helpful: false, reason: "x" });
    expect(checkVote(fromForm(form), graph, null).ok).toBe(true);
  });
});

describe("event bodies", () => {
  it("records a walk solved at a cause from the step URL alone", () => {
    const event = checkEvent({ type: "wizard", outcome: "solved", path: `/wizard/${ENTRY}/y/y`, run: "run-12345678" }, graph, wizards, "s1");
    expect(event).toMatchObject({
      ok: true,
      value: {
        table: "wizardOutcomes",
        row: {
          start: ENTRY,
          outcome: "solved",
          entry: ENTRY,
          cause: "db-address-localhost",
          step: `problem/${ENTRY}/solved/db-address-localhost`,
          answers: 2,
          path: [`problem/${ENTRY}/check/db-address-localhost`, `problem/${ENTRY}/fix/db-address-localhost`, `problem/${ENTRY}/solved/db-address-localhost`],
          run: "run-12345678",
          session: "s1",
        },
      },
    });
  });

  it("records where an unsolved or abandoned walk ended", () => {
    const unsolved = checkEvent({ type: "wizard", outcome: "unsolved", path: `/wizard/${ENTRY}/n/n/n` }, graph, wizards, null);
    expect(unsolved).toMatchObject({ ok: true, value: { row: { outcome: "unsolved", entry: ENTRY, cause: null, step: `problem/${ENTRY}/unsolved`, answers: 3 } } });
    const abandoned = checkEvent({ type: "wizard", outcome: "abandoned", path: "/wizard" }, graph, wizards, null);
    expect(abandoned).toMatchObject({ ok: true, value: { row: { outcome: "abandoned", start: "triage", entry: null, step: "triage", answers: 0, path: ["triage"] } } });
  });

  it("refuses an ending its step is not, and steps that do not exist", () => {
    expect(checkEvent({ type: "wizard", outcome: "solved", path: `/wizard/${ENTRY}` }, graph, wizards, null)).toMatchObject({ ok: false, code: "outcome_mismatch" });
    expect(checkEvent({ type: "wizard", outcome: "abandoned", path: `/wizard/${ENTRY}/y/y` }, graph, wizards, null)).toMatchObject({ ok: false, code: "outcome_mismatch" });
    for (const path of ["/wizard/nope", `/wizard/${ENTRY}/q`, "/entry/x", "http://evil.example/wizard", "/wizard/%E0%A4%A"]) {
      expect(checkEvent({ type: "wizard", outcome: "abandoned", path }, graph, wizards, null), path).toMatchObject({ ok: false });
    }
  });

  it("records which result of a search was opened", () => {
    const search = "5b7d2c1e-8f3a-4d6b-9c0e-1a2b3c4d5e6f";
    expect(checkEvent({ type: "search_open", search, entry: ENTRY, rank: 2 }, graph, wizards, null)).toMatchObject({
      ok: true,
      value: { table: "searchOpens", row: { search, entry: ENTRY, rank: 2 } },
    });
    expect(checkEvent({ type: "search_open", search: "not-a-uuid", entry: ENTRY, rank: 0 }, graph, wizards, null)).toMatchObject({ ok: false, code: "invalid_body" });
    expect(checkEvent({ type: "search_open", search, entry: "nope", rank: 0 }, graph, wizards, null)).toMatchObject({ ok: false, code: "unknown_entry" });
    expect(checkEvent({ type: "pageview" }, graph, wizards, null)).toMatchObject({ ok: false, code: "invalid_body" });
  });
});
