import { env } from "@/config/env";
import type { Cause, Problem } from "@/content/schema";
import { rankCauses, type EntryEvidence, type EntryRanking } from "./rerank";

/**
 * The cause order the wizard asks in and the article reports, from a snapshot of the evidence.
 *
 * The snapshot holds the records made before the start of the current day (UTC) and is replaced
 * once a day. So every instance sharing a database uses the same order all day, and a wizard
 * link (whose answers are positions in that order) keeps meaning the same steps until midnight.
 * Reading never waits for the database: until a snapshot exists, and with RERANK=off, the order
 * is the author's.
 */
type Loader = (before: Date) => Promise<ReadonlyMap<string, EntryEvidence>>;

interface State {
  snapshot: { readonly day: string; readonly evidence: ReadonlyMap<string, EntryEvidence> } | null;
  loader: Loader | null;
  refreshing: Promise<void> | null;
}

const KEY = Symbol.for("paizhang-kb.cause-order");
const DAY_MS = 86_400_000;

function state(): State {
  const holder = globalThis as { [KEY]?: State };
  holder[KEY] ??= { snapshot: null, loader: null, refreshing: null };
  return holder[KEY];
}

const dayOf = (now: Date) => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);

/** Where snapshots come from (the recording service sets it once the database is open). */
export function setEvidenceLoader(loader: Loader | null): void {
  state().loader = loader;
}

/** Loads today's snapshot (records before today, UTC); keeps the previous one if loading fails. */
export async function refreshRanking(now: Date = new Date()): Promise<void> {
  const s = state();
  if (!s.loader) return;
  const day = dayOf(now);
  const evidence = await s.loader(day);
  s.snapshot = { day: day.toISOString().slice(0, 10), evidence };
}

function rerankEnabled(): boolean {
  return env().RERANK === "on";
}

/** Starts loading a new snapshot when the day has changed; returns at once. */
function refreshIfStale(): void {
  const s = state();
  const today = dayOf(new Date()).toISOString().slice(0, 10);
  if (!s.loader || s.refreshing || s.snapshot?.day === today) return;
  s.refreshing = refreshRanking()
    .catch((error: unknown) => console.error(`排障知识库: cause ranking not refreshed: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      s.refreshing = null;
    });
}

/** Changes whenever the order of any entry may have changed: for caches of things built from it. */
export function rankingVersion(): string {
  if (!rerankEnabled()) return "off";
  refreshIfStale();
  return state().snapshot?.day ?? "none";
}

/** The estimator's view of a problem's causes (author's order when off or without a snapshot). */
export function causeRanking(problem: Problem): EntryRanking {
  const ids = problem.causes.map((c) => c.id);
  if (!rerankEnabled()) return rankCauses(ids, undefined);
  refreshIfStale();
  return rankCauses(ids, state().snapshot?.evidence.get(problem.id));
}

/** A problem's causes in the order to ask them. */
export function orderedCauses(problem: Problem): Cause[] {
  const byId = new Map(problem.causes.map((c) => [c.id, c]));
  return causeRanking(problem).order.flatMap((id) => byId.get(id) ?? []);
}
