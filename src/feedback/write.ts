import { sql } from "drizzle-orm";
import type { PendingRecord } from "./queue";
import { searches, searchOpens, votes, wizardOutcomes, type NewVote, type NewWizardOutcome } from "./schema";
import type { Statement, Storage } from "./storage";

/**
 * Writes one batch from the queue in one transaction, a statement per table. A person's repeated
 * vote on the same target replaces the earlier one, and a wizard walk's later outcome replaces
 * "abandoned" (a walk left in another tab and finished later); within a batch the last one wins,
 * since one statement cannot update a row twice.
 */
export async function writeBatch(storage: Pick<Storage, "db" | "batch">, batch: readonly PendingRecord[]): Promise<void> {
  const { db } = storage;
  const byTable = {
    votes: [] as NewVote[],
    wizardOutcomes: [] as NewWizardOutcome[],
    searches: [] as (typeof searches.$inferInsert)[],
    searchOpens: [] as (typeof searchOpens.$inferInsert)[],
  };
  for (const record of batch) (byTable[record.table] as unknown[]).push(record.row);

  const [anonymousVotes, sessionVotes] = partition(byTable.votes, (v) => !v.session);
  const [unlinkedRuns, runs] = partition(byTable.wizardOutcomes, (o) => !o.run);
  const latestVotes = lastBy(sessionVotes, (v) => `${v.session}\u0000${v.entry}\u0000${v.cause ?? ""}`);
  const latestRuns = lastBy(runs, (o) => o.run ?? "", (earlier, later) => later.outcome !== "abandoned" || earlier.outcome === "abandoned");

  const statements: Statement[] = [];
  if (anonymousVotes.length > 0) statements.push(db.insert(votes).values(anonymousVotes));
  if (latestVotes.length > 0) {
    statements.push(
      db
        .insert(votes)
        .values(latestVotes)
        .onConflictDoUpdate({
          target: [votes.session, votes.entry, votes.cause],
          targetWhere: sql`session is not null`,
          set: { helpful: sql`excluded.helpful`, reason: sql`excluded.reason`, createdAt: sql`excluded.created_at` },
        }),
    );
  }
  if (unlinkedRuns.length > 0) statements.push(db.insert(wizardOutcomes).values(unlinkedRuns));
  if (latestRuns.length > 0) {
    statements.push(
      db
        .insert(wizardOutcomes)
        .values(latestRuns)
        .onConflictDoUpdate({
          target: wizardOutcomes.run,
          targetWhere: sql`run is not null`,
          set: {
            outcome: sql`excluded.outcome`,
            entry: sql`excluded.entry`,
            cause: sql`excluded.cause`,
            step: sql`excluded.step`,
            answers: sql`excluded.answers`,
            path: sql`excluded.path`,
            createdAt: sql`excluded.created_at`,
          },
          // A definite ending is never turned back into "abandoned".
          setWhere: sql`${wizardOutcomes.outcome} = 'abandoned'`,
        }),
    );
  }
  if (byTable.searches.length > 0) statements.push(db.insert(searches).values(byTable.searches).onConflictDoNothing());
  if (byTable.searchOpens.length > 0) statements.push(db.insert(searchOpens).values(byTable.searchOpens));
  await storage.batch(statements);
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** One item per key: a later one replaces an earlier one when `replaces` says so (by default always). */
function lastBy<T>(items: readonly T[], key: (item: T) => string, replaces: (earlier: T, later: T) => boolean = () => true): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const earlier = kept.get(k);
    if (earlier === undefined || replaces(earlier, item)) kept.set(k, item);
  }
  return [...kept.values()];
}
