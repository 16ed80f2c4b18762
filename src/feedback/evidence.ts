import { and, count, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import type { CauseEvidence, EntryEvidence } from "./rerank";
import { votes, wizardOutcomes } from "./schema";
import type { Db } from "./storage";

/**
 * The counts the re-ranking estimator reads, per problem and cause, from the records made before
 * `before`: finished walks, walks solved at each cause, and cause votes.
 */
export async function loadEvidence(db: Db, before: Date): Promise<Map<string, EntryEvidence>> {
  const finished = await db
    .select({ entry: wizardOutcomes.entry, n: count() })
    .from(wizardOutcomes)
    .where(and(inArray(wizardOutcomes.outcome, ["solved", "unsolved"]), isNotNull(wizardOutcomes.entry), lt(wizardOutcomes.createdAt, before)))
    .groupBy(wizardOutcomes.entry);
  const solved = await db
    .select({ entry: wizardOutcomes.entry, cause: wizardOutcomes.cause, n: count() })
    .from(wizardOutcomes)
    .where(and(sql`${wizardOutcomes.outcome} = 'solved'`, isNotNull(wizardOutcomes.entry), isNotNull(wizardOutcomes.cause), lt(wizardOutcomes.createdAt, before)))
    .groupBy(wizardOutcomes.entry, wizardOutcomes.cause);
  const voted = await db
    .select({
      entry: votes.entry,
      cause: votes.cause,
      helpful: sql<number>`count(*) filter (where ${votes.helpful})`.mapWith(Number),
      unhelpful: sql<number>`count(*) filter (where not ${votes.helpful})`.mapWith(Number),
    })
    .from(votes)
    .where(and(ne(votes.cause, ""), lt(votes.createdAt, before)))
    .groupBy(votes.entry, votes.cause);

  const byEntry = new Map<string, { finished: number; causes: Map<string, CauseEvidence> }>();
  const entryOf = (id: string) => {
    let entry = byEntry.get(id);
    if (!entry) byEntry.set(id, (entry = { finished: 0, causes: new Map() }));
    return entry;
  };
  const causeOf = (entry: string, cause: string) => {
    const causes = entryOf(entry).causes;
    return causes.get(cause) ?? { solved: 0, helpful: 0, unhelpful: 0 };
  };
  for (const row of finished) if (row.entry) entryOf(row.entry).finished = row.n;
  for (const row of solved) {
    if (row.entry && row.cause) entryOf(row.entry).causes.set(row.cause, { ...causeOf(row.entry, row.cause), solved: row.n });
  }
  for (const row of voted) {
    entryOf(row.entry).causes.set(row.cause, { ...causeOf(row.entry, row.cause), helpful: row.helpful, unhelpful: row.unhelpful });
  }
  return byEntry;
}
