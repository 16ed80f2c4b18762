import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { questionOverlap, sameQuestion } from "@/content/question-similarity";
import type { Problem } from "@/content/schema";
import { buildWizardGraph, NONE_KEY, systemKey, TRIAGE_KEY } from "@/wizard/build";
import { parseWizardPath, wizardKey, wizardUrl } from "@/urls";
import { causeKey, next, resolve, type Position, type Walk, type WizardState } from "@/wizard/engine";
import { ANSWER } from "@/wizard/model";
import { validateWizardGraph } from "@/wizard/validate";
import { walkAll } from "./walk";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");
const wizards = buildWizardGraph(graph);
const problems = graph.entries.filter((e): e is Problem => e.kind === "problem");
const problem = (id: string) => problems.find((p) => p.id === id)!;

function at(state: WizardState): Walk {
  const walk = resolve(wizards, state);
  if (!walk.ok) throw new Error(`${wizardUrl(state)}: ${walk.reason}`);
  return walk;
}
const describePosition = (p: Position) => (p.kind === "choice" ? `choice:${p.node.id}` : p.kind === "check" || p.kind === "fix" || p.kind === "solved" ? `${p.kind}:${p.problem.id}#${p.cause.id}${p.kind === "check" && p.again ? ":again" : ""}` : p.kind === "unsolved" ? `unsolved:${p.problem.id}` : p.kind === "article" ? `article:${p.entry.id}` : "support");
const where = (state: WizardState) => describePosition(at(state).position);

describe("a problem's wizard", () => {
  it.each(problems.map((p) => [p.id, p] as const))("%s: a yes at cause i reaches its fix after exactly i checks", (_id, p) => {
    p.causes.forEach((cause, i) => {
      const walk = at({ start: p.id, answers: [...Array<string>(i).fill(ANSWER.no), ANSWER.yes] });
      expect(describePosition(walk.position)).toBe(`fix:${p.id}#${cause.id}`);
      expect(walk.trail.filter((t) => t.position.kind === "check")).toHaveLength(i + 1);
    });
  });

  it.each(problems.flatMap((p) => p.causes.map((c) => [wizardKey(p.id, c.id), p] as const)))(
    "entered at %s, it asks every other cause before saying they are all ruled out",
    (start, p) => {
      const answers: string[] = [];
      let walk = at({ start, answers });
      const asked = new Set<string>();
      while (walk.position.kind === "check") {
        asked.add(walk.position.cause.id);
        answers.push(ANSWER.no);
        walk = at({ start, answers });
      }
      expect(walk.position.kind).toBe("unsolved");
      expect([...asked].sort()).toEqual(p.causes.map((c) => c.id).sort());
      expect(p.causes.every((c) => walk.statuses.get(causeKey(p.id, c.id))?.state === "ruled-out")).toBe(true);
    },
  );

  it("goes on to the 127.0.0.1 check after the compose cause's fix did not help", () => {
    const start = wizardKey("gptlink-docker-server-error", "compose-start-order");
    expect(where({ start, answers: [ANSWER.yes, ANSWER.no] })).toBe("check:gptlink-docker-server-error#db-address-localhost");
    expect(where({ start, answers: [ANSWER.no] })).toBe("check:gptlink-docker-server-error#db-address-localhost");
    expect(where({ start, answers: [ANSWER.unsure, ANSWER.unsure] })).toBe("check:gptlink-docker-server-error#db-address-localhost");
  });

  it("asks again after 不确定, then moves on and records the cause as unconfirmed", () => {
    const p = problem("gptlink-docker-server-error");
    const again = at({ start: p.id, answers: [ANSWER.unsure] });
    expect(again.position).toMatchObject({ kind: "check", again: true, cause: { id: "db-address-localhost" } });
    expect(again.options.map((o) => o.key)).toEqual([ANSWER.yes, ANSWER.no, ANSWER.unsure]);
    const moved = at({ start: p.id, answers: [ANSWER.unsure, ANSWER.unsure] });
    expect(describePosition(moved.position)).toBe(`check:${p.id}#mysql-too-old`);
    expect(moved.statuses.get(causeKey(p.id, "db-address-localhost"))?.state).toBe("unconfirmed");
    const end = at({ start: p.id, answers: [ANSWER.unsure, ANSWER.unsure, ANSWER.no, ANSWER.no] });
    expect(end.position.kind).toBe("unsolved");
  });

  it("refuses answers that do not belong to the step, and answers past the end", () => {
    const p = problems[0]!;
    expect(next(wizards, { start: TRIAGE_KEY, answers: [] }, "nope")).toBeNull();
    expect(resolve(wizards, { start: p.id, answers: [ANSWER.yes, "x"] })).toMatchObject({ ok: false, reason: "unknown-answer" });
    expect(resolve(wizards, { start: p.id, answers: [ANSWER.yes, ANSWER.yes, ANSWER.yes] })).toMatchObject({ ok: false, reason: "past-the-end" });
    expect(resolve(wizards, { start: "no-such-start", answers: [] })).toMatchObject({ ok: false, reason: "unknown-start" });
  });
});

describe("authored flows", () => {
  it("take an answer that names a cause as settled: its fix, not its check again", () => {
    const flow = "docker-server-error";
    // 在运行 → 有连接报错 → 是 docker-compose 首次启动
    const walk = at({ start: flow, answers: ["log-db-error", "compose-first-run", wizardKey("docker-app-cannot-reach-mysql-redis", "db-not-ready")] });
    expect(describePosition(walk.position)).toBe("fix:docker-app-cannot-reach-mysql-redis#db-not-ready");
    // The fix did not help: the wizard goes on to the causes not yet settled, 127.0.0.1 first.
    expect(where({ ...walk.state, answers: [...walk.state.answers, ANSWER.no] })).toBe("check:docker-app-cannot-reach-mysql-redis#address-localhost");
  });

  it("rule out what a sibling answer would have confirmed", () => {
    // 不是 docker-compose 首次启动 → 不是 127.0.0.1 → the problem's wizard asks only about the firewall.
    const firewall = wizardKey("docker-app-cannot-reach-mysql-redis", "host-firewall");
    const walk = at({ start: "docker-server-error", answers: ["log-db-error", "compose-first-run", "db-address", firewall] });
    expect(describePosition(walk.position)).toBe("fix:docker-app-cannot-reach-mysql-redis#host-firewall");
    const end = at({ ...walk.state, answers: [...walk.state.answers, ANSWER.no] });
    expect(end.position.kind).toBe("unsolved");
  });

  it("keep a gptlink path among gptlink and system-neutral entries (it used to end in CODO's Docker problem)", () => {
    const flow = graph.flows.find((f) => f.id === "docker-server-error")!;
    const targets = flow.steps.flatMap((s) => s.options.flatMap((o) => (o.target.kind === "entry" ? [o.target.entry] : [])));
    expect(targets.filter((id) => !["gptlink", "general"].includes(graph.byId.get(id)?.system ?? ""))).toEqual([]);
  });

  it("send an unsure answer to the cause's check with how to find out", () => {
    const walk = at({ start: "docker-server-error", answers: ["log-db-error", "compose-first-run", "db-address", wizardKey("docker-app-cannot-reach-mysql-redis", "address-localhost") + ".2"] });
    expect(walk.position).toMatchObject({ kind: "check", again: true, cause: { id: "address-localhost" } });
  });
});

describe("evidence from a pasted log", () => {
  const p = problem("gptlink-tables-not-created");
  const line = "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'gptlink.users' doesn't exist";

  it("answers the check a line settles, quotes the line, and opens on its fix", () => {
    const walk = at({ start: p.id, answers: [], evidence: [{ cause: "migrate-not-run", line: 3, text: line }] });
    expect(describePosition(walk.position)).toBe(`fix:${p.id}#migrate-not-run`);
    expect(walk.trail).toHaveLength(1);
    expect(walk.trail[0]).toMatchObject({ fromLog: { line: 3 }, state: null, answer: { label: "是" } });
    expect(walk.statuses.get(causeKey(p.id, "migrate-not-run"))).toEqual({ state: "confirmed", by: "log" });
    // Not solved by that fix: the remaining cause is asked.
    expect(where({ ...walk.state, answers: [ANSWER.no] })).toBe(`check:${p.id}#first-run-failed`);
  });

  it("ignores a claimed line that does not carry the cause's signature", () => {
    const walk = at({ start: p.id, answers: [], evidence: [{ cause: "migrate-not-run", line: 1, text: "请联系客服 QQ 12345" }] });
    expect(walk.trail).toHaveLength(0);
    expect(walk.position.kind).toBe("check");
  });
});

describe("the whole wizard graph", () => {
  it("has no unknown targets, dead ends, empty labels, duplicate keys, unreachable nodes or cycles", () => {
    expect(validateWizardGraph(wizards)).toEqual([]);
  });

  it("reaches every entry within 4 answers from /wizard, through its area and through its system", () => {
    const reached = { area: new Map<string, number>(), system: new Map<string, number>() };
    for (const [by, first] of [
      ["area", (e: { area: string }) => e.area],
      ["system", (e: { system: string }) => systemKey(e.system)],
    ] as const) {
      for (const entry of graph.entries) {
        walkAll(
          wizards,
          { start: TRIAGE_KEY, answers: [first(entry)] },
          (walk) => {
            const p = walk.position;
            const id = p.kind === "article" ? p.entry.id : p.kind === "check" || p.kind === "fix" ? p.problem.id : null;
            if (id === entry.id) reached[by].set(id, Math.min(reached[by].get(id) ?? Infinity, walk.state.answers.length));
            return walk.state.answers.length < 4 && !reached[by].has(entry.id);
          },
          4,
        );
      }
    }
    for (const by of ["area", "system"] as const) {
      const missing = graph.entries.filter((e) => !reached[by].has(e.id)).map((e) => e.id);
      expect(missing, `not reached by ${by}`).toEqual([]);
      expect(Math.max(...reached[by].values())).toBeLessThanOrEqual(4);
    }
  });

  // One walk over every path from the first screen for all three checks, inside the test:
  // mutation testing switches a mutant on only while tests run, so a walk made while the file
  // loads would check the unmutated engine.
  it("never asks a question twice on one path (a check asked again after 不确定 is the point of 不确定), ends every path in a fix that worked or in the summary for support, and says 'all ruled out' only when every cause was settled on that path", () => {
    const repeats: string[] = [];
    const ends = new Set<string>();
    const dishonest: string[] = [];
    const questions = (walk: Walk) =>
      [...walk.trail.map((t) => t.position), walk.position].flatMap((p) =>
        p.kind === "choice" && p.node.kind === "flow" ? [p.node.question] : p.kind === "check" && !p.again ? [p.cause.check.question] : [],
      );
    const steps = walkAll(wizards, { start: TRIAGE_KEY, answers: [] }, (walk) => {
      const p = walk.position;
      if (p.kind === "unsolved") {
        for (const cause of p.problem.causes) if (!walk.statuses.has(causeKey(p.problem.id, cause.id))) dishonest.push(`${wizardUrl(walk.state)} ${cause.id}`);
      }
      if (walk.options.length > 0) return;
      ends.add(p.kind);
      const asked = questions(walk);
      asked.forEach((q, i) => {
        const earlier = asked.slice(0, i).find((e) => sameQuestion(e, q));
        if (earlier) repeats.push(`${wizardUrl(walk.state)}: 「${earlier}」 then 「${q}」`);
      });
    });
    expect(steps).toBeGreaterThan(10_000);
    expect([...new Set(repeats)].slice(0, 10), "questions asked twice").toEqual([]);
    expect([...ends].sort(), "where paths end").toEqual(["solved", "support"]);
    expect(dishonest.slice(0, 10), "'all ruled out' with causes not settled").toEqual([]);
    // Every path is over 10,000 steps, each replayed from the first screen: seconds, more on a busy machine.
  }, 120_000);

  it("gives no step two options that lead to the same place, or two in one group that read alike", () => {
    for (const node of wizards.nodes.values()) {
      const places = node.options.map((o) => JSON.stringify(o.go));
      expect(new Set(places).size, node.id).toBe(places.length);
      node.options.forEach((a, i) =>
        node.options.slice(i + 1).filter((b) => b.group === a.group).forEach((b) => expect(questionOverlap(a.label, b.label, "longer"), `${node.id}: ${a.label} / ${b.label}`).toBeLessThan(0.8)),
      );
    }
  });

  it("offers questions and guides in their menus, and 都不是 in every menu", () => {
    const codo = at({ start: TRIAGE_KEY, answers: ["codo"] });
    expect(codo.options.map((o) => o.key)).toEqual(expect.arrayContaining(["codo-mfa-phone-lost", "codo-google-authenticator", NONE_KEY]));
    const answer = at({ start: TRIAGE_KEY, answers: ["codo", "codo-mfa-phone-lost"] });
    expect(describePosition(answer.position)).toBe("article:codo-mfa-phone-lost");
  });
});

describe("URL state", () => {
  const walks = fc.array(fc.nat({ max: 20 }), { maxLength: 12 }).map((choices) => {
    const answers: string[] = [];
    for (const choice of choices) {
      const walk = at({ start: TRIAGE_KEY, answers });
      if (walk.options.length === 0) break;
      answers.push(walk.options[choice % walk.options.length]!.key);
    }
    return { start: TRIAGE_KEY, answers };
  });

  it("survives an encode → decode round trip", () => {
    fc.assert(
      fc.property(walks, (state) => {
        const url = wizardUrl(state);
        const segments = url.split("/").slice(2);
        expect(parseWizardPath(segments)).toEqual(state);
        expect(resolve(wizards, parseWizardPath(segments)!).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on a fuzzed state string", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 300 }), (segments) => {
        const state = parseWizardPath(segments);
        if (state) resolve(wizards, state);
      }),
      { numRuns: 2000 },
    );
    expect(parseWizardPath(["%E0%A4%A"])).toBeNull();
    expect(parseWizardPath([])).toEqual({ start: TRIAGE_KEY, answers: [] });
  });
});

describe("the order causes are asked in", () => {
  it("follows the given order (the one learned from use), and is the author's without one", () => {
    const p = problem("gptlink-docker-server-error");
    const reversed = buildWizardGraph(graph, { causeOrder: (q) => [...q.causes].reverse() });
    const asked = (g: typeof wizards) => {
      const ids: string[] = [];
      for (let answers: string[] = []; ; answers = [...answers, ANSWER.no]) {
        const walk = resolve(g, { start: p.id, answers });
        if (!walk.ok || walk.position.kind !== "check") return ids;
        ids.push(walk.position.cause.id);
      }
    };
    expect(asked(wizards)).toEqual(p.causes.map((c) => c.id));
    expect(asked(reversed)).toEqual(p.causes.map((c) => c.id).reverse());
    // The same order keeps the same objects: nothing is copied when nothing was learned.
    expect(buildWizardGraph(graph, { causeOrder: (q) => q.causes }).problems.get(p.id)).toBe(p);
  });
});
