import { describe, expect, it } from "vitest";
import { evidenceText, priorMeans, rankCauses, RERANK_CONFIG, type CauseEvidence, type EntryEvidence } from "@/feedback/rerank";

const CAUSES = ["localhost", "mysql-version", "start-order"];

function history(finished: number, causes: Record<string, Partial<CauseEvidence>>): EntryEvidence {
  return {
    finished,
    causes: new Map(Object.entries(causes).map(([id, c]) => [id, { solved: 0, helpful: 0, unhelpful: 0, ...c }])),
  };
}

describe("the cause re-ranking estimator", () => {
  it("uses the author's order as a prior that falls with position", () => {
    const means = priorMeans(3);
    expect(means.map((m) => m.toFixed(4))).toEqual(["0.5455", "0.2727", "0.1818"]);
    expect(means.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("keeps the author's order with no evidence", () => {
    const ranking = rankCauses(CAUSES, undefined);
    expect(ranking).toMatchObject({ order: CAUSES, evidence: 0, reordered: false });
    expect(ranking.causes.every((c) => c.shown === null)).toBe(true);
  });

  it("does not move below the minimum count, however one-sided the evidence", () => {
    // 19 walks, every one solved at the last cause.
    const ranking = rankCauses(CAUSES, history(19, { "start-order": { solved: 19 } }));
    expect(ranking.evidence).toBe(RERANK_CONFIG.minEvidence - 1);
    expect(ranking.order).toEqual(CAUSES);
    expect(ranking.causes.every((c) => c.shown === null)).toBe(true);
  });

  it("moves a cause up once the minimum count is reached and the evidence outweighs the prior", () => {
    const ranking = rankCauses(CAUSES, history(20, { "start-order": { solved: 20 } }));
    expect(ranking.order).toEqual(["start-order", "localhost", "mysql-version"]);
    expect(ranking.reordered).toBe(true);
    const last = ranking.causes[2];
    // (10 × 0.1818 + 20) / (10 + 20)
    expect(last?.estimate).toBeCloseTo((10 * (2 / 11) + 20) / 30, 12);
    expect(last?.shown).toEqual({ share: 1, count: 20 });
  });

  it("lets the prior hold against a small lead", () => {
    // 20 walks: 8 solved at the first cause, 9 at the second, 3 unsolved.
    const ranking = rankCauses(CAUSES, history(20, { localhost: { solved: 8 }, "mysql-version": { solved: 9 } }));
    expect(ranking.order).toEqual(CAUSES);
    expect(ranking.causes.map((c) => Number(c.estimate.toFixed(4)))).toEqual([0.4485, 0.3909, 0.0606]);
  });

  it("counts votes: 'fixed it' like a solved walk, 'did not' against that cause only", () => {
    const ranking = rankCauses(CAUSES, history(0, { localhost: { unhelpful: 15 }, "mysql-version": { helpful: 6 } }));
    // 21 observations: the first cause's 15 "did not" and 6 "fixed it" for the second.
    expect(ranking.evidence).toBe(21);
    // The six people the second cause fixed were not fixed by the others: every cause has 6 trials
    // from them, and the first cause 15 more. Its estimate falls from 0.55 to 0.18, still above the
    // untested third cause (0.11).
    expect(ranking.order).toEqual(["mysql-version", "localhost", "start-order"]);
    const [localhost, mysql, startOrder] = ranking.causes;
    expect(localhost).toMatchObject({ successes: 0, trials: 21 });
    expect(mysql).toMatchObject({ successes: 6, trials: 6 });
    expect(startOrder).toMatchObject({ successes: 0, trials: 6 });
    expect(ranking.causes.map((c) => Number(c.estimate.toFixed(4)))).toEqual([0.176, 0.5455, 0.1136]);
    // Six votes are not enough to show a share.
    expect(mysql?.shown).toBeNull();
  });

  it("gives the same order for the same data, whatever order it arrives in", () => {
    const a = history(30, { localhost: { solved: 5 }, "mysql-version": { solved: 12, unhelpful: 2 }, "start-order": { solved: 5 } });
    const b: EntryEvidence = { finished: 30, causes: new Map([...a.causes].reverse()) };
    expect(rankCauses(CAUSES, a)).toEqual(rankCauses(CAUSES, b));
    expect(rankCauses(CAUSES, a).order).toEqual(["mysql-version", "localhost", "start-order"]);
  });

  it("breaks ties by the author's order", () => {
    // Two causes with equal priors can only tie if they are the same position, so tie them by data:
    // a one-cause-each history under a flat prior (strength 0).
    const flat = { ...RERANK_CONFIG, priorStrength: 0 };
    const ranking = rankCauses(["a", "b", "c"], history(40, { a: { solved: 10 }, b: { solved: 20 }, c: { solved: 10 } }), flat);
    expect(ranking.order).toEqual(["b", "a", "c"]);
  });

  it("says what it found in the reader's words", () => {
    // 26 of 41 observations.
    const ranking = rankCauses(CAUSES, history(41, { localhost: { solved: 26 }, "mysql-version": { solved: 10 } }));
    const shown = ranking.causes[0]?.shown;
    expect(shown).toEqual({ share: 26 / 41, count: 41 });
    expect(evidenceText(shown!)).toBe("这个原因解决了 63% 遇到这个问题的人（41 次）");
  });
});
