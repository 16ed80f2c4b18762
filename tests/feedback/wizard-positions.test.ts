import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import type { Problem } from "@/content/schema";
import { checkEvent } from "@/feedback/records";
import { endingAfter, endingOf, positionById, positionId, wizardWalkAt } from "@/feedback/wizard-positions";
import { wizardUrl } from "@/urls";
import { buildWizardGraph, NONE_KEY, TRIAGE_KEY } from "@/wizard/build";
import { ANSWER } from "@/wizard/model";
import { walkAll } from "../wizard/walk";

const graph = (await buildContent(path.resolve("content"))).graph!;
const wizards = buildWizardGraph(graph);
const TABLES = "gptlink-tables-not-created";
const LOG_LINE = "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'gptlink.users' doesn't exist";

describe("wizard positions in the records", () => {
  it("names every position a walk can reach, and finds it again by that name", () => {
    const seen = new Set<string>();
    walkAll(wizards, { start: TRIAGE_KEY, answers: [] }, (walk) => {
      const id = positionId(walk.position);
      if (seen.has(id)) return false;
      seen.add(id);
      const found = positionById(wizards, id);
      expect(found && positionId(found), id).toBe(id);
    });
    expect(seen.size).toBeGreaterThan(100);
    for (const kind of ["check", "fix", "solved"]) expect([...seen].some((id) => id.includes(`/${kind}/`)), kind).toBe(true);
    expect(seen).toContain("support");
    expect(positionById(wizards, "problem/nope/unsolved")).toBeNull();
    expect(positionById(wizards, `problem/${TABLES}/check/nope`)).toBeNull();
  });

  it("says which answers end a walk: 解决了 solves, the last 否 and asking for support leave it unsolved", () => {
    const p = graph.byId.get(TABLES) as Problem;
    const state = { start: TABLES, answers: [ANSWER.yes] };
    expect(endingAfter(wizards, state, ANSWER.yes)).toBe("solved");
    expect(endingAfter(wizards, { start: TABLES, answers: [] }, ANSWER.no)).toBeNull();
    const allNo = Array<string>(p.causes.length - 1).fill(ANSWER.no);
    expect(endingAfter(wizards, { start: TABLES, answers: allNo }, ANSWER.no)).toBe("unsolved");
    // "都不是" in a menu leads to a page that offers search: not an ending yet; its "support" is.
    expect(endingAfter(wizards, { start: TRIAGE_KEY, answers: ["docker"] }, NONE_KEY)).toBeNull();
    expect(endingAfter(wizards, { start: TRIAGE_KEY, answers: ["docker", NONE_KEY] }, ANSWER.support)).toBe("unsolved");
    expect(endingAfter(wizards, { start: TABLES, answers: [] }, "nope")).toBeNull();
  });

  it("reads a walk that started from a pasted log line, and sends the browser on with that line", () => {
    const href = wizardUrl({ start: TABLES, answers: [ANSWER.yes], evidence: [{ cause: "migrate-not-run", line: 3, text: LOG_LINE }] });
    const walk = wizardWalkAt(href, wizards);
    expect(walk && endingOf(walk.position)).toBe("solved");
    expect(walk?.url).toBe(href);
    // Without the line, the same answers mean something else.
    expect(wizardWalkAt(href.replace(/\?.*$/, ""), wizards)?.position.kind).toBe("fix");
    const event = checkEvent({ type: "wizard", outcome: "solved", path: href }, graph, wizards, null);
    expect(event).toMatchObject({
      ok: true,
      value: { row: { outcome: "solved", entry: TABLES, cause: "migrate-not-run", answers: 1, path: [`problem/${TABLES}/check/migrate-not-run`, `problem/${TABLES}/fix/migrate-not-run`, `problem/${TABLES}/solved/migrate-not-run`] } },
    });
  });

  it("records asking for support after a menu's 都不是 as unsolved, without an entry", () => {
    const event = checkEvent({ type: "wizard", outcome: "unsolved", path: wizardUrl({ start: TRIAGE_KEY, answers: ["docker", NONE_KEY, ANSWER.support] }) }, graph, wizards, null);
    expect(event).toMatchObject({ ok: true, value: { row: { outcome: "unsolved", entry: null, cause: null, step: "support", answers: 3, path: ["triage", "area/docker", "none/area/docker", "support"] } } });
  });

  it("refuses a path that is not a wizard URL of this site", () => {
    for (const href of ["//evil.example/wizard", "/wizard\\x", "/entry/x", "/wizard/nope", `/wizard/${TABLES}/q`]) expect(wizardWalkAt(href, wizards), href).toBeNull();
  });
});
