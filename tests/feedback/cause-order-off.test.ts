import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildContent } from "@/content";
import type { Problem } from "@/content/schema";
import type { EntryEvidence } from "@/feedback/rerank";

// env() reads the environment once per module registry: set RERANK before the first read.
vi.stubEnv("RERANK", "off");
const { causeRanking, orderedCauses, rankingVersion, refreshRanking, setEvidenceLoader } = await import("@/feedback/cause-order");

describe("RERANK=off", () => {
  it("keeps the author's order and shows no shares, whatever the evidence", async () => {
    const problem = (await buildContent(path.resolve("content"))).graph!.byId.get("gptlink-docker-server-error") as Problem;
    const evidence: EntryEvidence = { finished: 100, causes: new Map([["compose-start-order", { solved: 100, helpful: 0, unhelpful: 0 }]]) };
    setEvidenceLoader(async () => new Map([[problem.id, evidence]]));
    await refreshRanking();
    expect(rankingVersion()).toBe("off");
    expect(orderedCauses(problem).map((c) => c.id)).toEqual(problem.causes.map((c) => c.id));
    expect(causeRanking(problem).causes.every((c) => c.shown === null)).toBe(true);
    setEvidenceLoader(null);
  });
});
