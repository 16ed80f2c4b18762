import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import type { Problem } from "@/content/schema";
import { causeRanking, orderedCauses, rankingVersion, refreshRanking, setEvidenceLoader } from "@/feedback/cause-order";
import { loadEvidence } from "@/feedback/evidence";
import { buildInsights, failedSearchDetail } from "@/feedback/insights";
import type { PendingRecord } from "@/feedback/queue";
import { openStorage, type Storage } from "@/feedback/storage";
import { writeBatch } from "@/feedback/write";
import { buildWizardGraph } from "@/wizard/build";
import { pgliteDirectory } from "../helpers/database";

const graph = (await buildContent(path.resolve("content"))).graph!;
const wizards = buildWizardGraph(graph);
const ENTRY = "gptlink-docker-server-error";
const problem = graph.byId.get(ENTRY) as Problem;
const NOW = new Date("2026-11-22T12:00:00Z");
const YESTERDAY = new Date("2026-11-21T09:00:00Z");
const TODAY = new Date("2026-11-22T08:00:00Z");

const solvedAt = (cause: string, at: Date): PendingRecord => ({
  table: "wizardOutcomes",
  row: { start: ENTRY, outcome: "solved", entry: ENTRY, cause, step: `problem/${ENTRY}/solved/${cause}`, answers: 2, path: [], createdAt: at },
});
const failedSearch = (query: string, template: string, at: Date, shown: string[] = []): PendingRecord => ({
  table: "searches",
  row: { id: crypto.randomUUID(), source: "page", query, template, confident: false, shown, createdAt: at },
});

describe("insights and cause ranking from recorded use", () => {
  let storage: Storage;
  let tmp: ReturnType<typeof pgliteDirectory>;

  beforeAll(async () => {
    tmp = pgliteDirectory();
    storage = await openStorage({ dataDir: tmp.dir });
    await writeBatch(storage, [
      // Yesterday: 25 walks solved at the last cause, 2 unsolved.
      ...Array.from({ length: 25 }, () => solvedAt("compose-start-order", YESTERDAY)),
      ...Array.from({ length: 2 }, (): PendingRecord => ({
        table: "wizardOutcomes",
        row: { start: ENTRY, outcome: "unsolved", entry: ENTRY, step: `problem/${ENTRY}/unsolved`, answers: 6, path: [], createdAt: YESTERDAY },
      })),
      // Today: more of the first cause, which today's snapshot must not see yet.
      ...Array.from({ length: 40 }, () => solvedAt("db-address-localhost", TODAY)),
      { table: "wizardOutcomes", row: { start: "triage", outcome: "abandoned", step: "area/docker", answers: 1, path: ["triage", "area/docker"], createdAt: TODAY } },
      { table: "votes", row: { entry: ENTRY, helpful: true, createdAt: YESTERDAY } },
      { table: "votes", row: { entry: ENTRY, helpful: false, reason: "没用", createdAt: TODAY } },
      { table: "votes", row: { entry: ENTRY, cause: "mysql-too-old", helpful: false, createdAt: TODAY } },
      failedSearch("connect ECONNREFUSED 10.0.0.5:6379", "connect econnrefused <ip>", YESTERDAY),
      failedSearch("connect ECONNREFUSED 10.0.0.9:6379", "connect econnrefused <ip>", TODAY, [ENTRY, "codo-docker-mysql-redis-unreachable"]),
      failedSearch("flux capacitor", "flux capacitor", TODAY),
      {
        table: "searches",
        row: { id: "00000000-0000-4000-8000-00000000000a", source: "page", query: "errcode 40001", template: "errcode 40001", confident: true, shown: ["x"], createdAt: TODAY },
      },
      { table: "searchOpens", row: { search: "00000000-0000-4000-8000-00000000000a", entry: ENTRY, rank: 0, createdAt: TODAY } },
    ]);
  }, 120_000);

  afterAll(async () => {
    setEvidenceLoader(null);
    await storage?.close();
    tmp?.cleanup();
  });

  it("groups failed searches by template, latest example first, with the entries offered", async () => {
    const report = await buildInsights(storage.db, graph, wizards, NOW);
    expect(report.failedSearches.map((g) => [g.template, g.count, g.example])).toEqual([
      ["connect econnrefused <ip>", 2, "connect ECONNREFUSED 10.0.0.9:6379"],
      ["flux capacitor", 1, "flux capacitor"],
    ]);
    expect(report.totals).toMatchObject({ searches: 4, confidentSearches: 1, walks: { solved: 65, unsolved: 2, abandoned: 1 } });
    const detail = await failedSearchDetail(storage.db, "connect econnrefused <ip>");
    expect(detail).toMatchObject({ count: 2, candidate: "connect ECONNREFUSED 10.0.0.9:6379", suggested: [ENTRY, "codo-docker-mysql-redis-unreachable"] });
    expect(await failedSearchDetail(storage.db, "never searched")).toBeNull();
  });

  it("reports entries and causes with their rates, and where walks ended", async () => {
    const report = await buildInsights(storage.db, graph, wizards, NOW);
    const entry = report.entries.find((e) => e.id === ENTRY);
    expect(entry).toMatchObject({ votes: { yes: 1, no: 1, rate: 0.5 }, wizard: { solved: 65, unsolved: 2, abandoned: 0 }, opened: 1 });
    expect(entry?.causes.map((c) => [c.id, c.solved, c.votes.no])).toEqual([
      ["db-address-localhost", 40, 0],
      ["mysql-too-old", 0, 1],
      ["compose-start-order", 25, 0],
    ]);
    expect(report.exits).toEqual([
      { step: `problem/${ENTRY}/unsolved`, question: `「${problem.title}」的原因都看过了`, wizard: problem.title, abandoned: 0, unsolved: 2 },
      { step: "area/docker", question: "Docker 部署：具体是哪种情况？", wizard: "Docker 部署", abandoned: 1, unsolved: 0 },
    ]);
  });

  it("counts each of the last 30 days, including empty ones", async () => {
    const { daily } = await buildInsights(storage.db, graph, wizards, NOW);
    expect(daily.searches).toHaveLength(30);
    expect(daily.searches.at(-1)).toEqual({ day: "2026-11-22", total: 3, confident: 1 });
    expect(daily.searches.at(-2)).toEqual({ day: "2026-11-21", total: 1, confident: 0 });
    expect(daily.votes.at(-1)).toEqual({ day: "2026-11-22", helpful: 0, unhelpful: 2 });
    expect(daily.searches[0]).toEqual({ day: "2026-10-24", total: 0, confident: 0 });
  });

  it("loads the estimator's evidence from records made before a moment", async () => {
    const evidence = await loadEvidence(storage.db, new Date("2026-11-22T00:00:00Z"));
    expect(evidence.get(ENTRY)).toEqual({
      finished: 27,
      causes: new Map([["compose-start-order", { solved: 25, helpful: 0, unhelpful: 0 }]]),
    });
  });

  it("orders the wizard's causes by the snapshot of records before today, once there is enough", async () => {
    expect(orderedCauses(problem).map((c) => c.id)).toEqual(["db-address-localhost", "mysql-too-old", "compose-start-order"]);
    setEvidenceLoader((before) => loadEvidence(storage.db, before));
    await refreshRanking(NOW);
    expect(rankingVersion()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 25 of 27 walks were solved at the last cause: it comes first; today's 40 are not counted yet.
    expect(orderedCauses(problem).map((c) => c.id)).toEqual(["compose-start-order", "db-address-localhost", "mysql-too-old"]);
    expect(causeRanking(problem).causes[2]?.shown).toEqual({ share: 25 / 27, count: 27 });
  });
});
