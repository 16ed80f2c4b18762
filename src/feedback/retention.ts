import { lt, sql } from "drizzle-orm";
import { RECORD_TABLES } from "./schema";
import { selectRows, type Db } from "./storage";

const DAY_MS = 86_400_000;

/**
 * The first moment still kept: the start (UTC) of the day `retentionDays` before `now`. Cutting
 * at day boundaries makes every instance that runs the job on the same day keep the same rows.
 */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(today - retentionDays * DAY_MS);
}

export interface RetentionResult {
  readonly cutoff: Date;
  readonly deleted: Readonly<Record<keyof typeof RECORD_TABLES, number>>;
}

/** Deletes every recorded row older than the cutoff, table by table. */
export async function deleteExpired(db: Db, retentionDays: number, now: Date): Promise<RetentionResult> {
  const cutoff = retentionCutoff(now, retentionDays);
  const deleted = { votes: 0, wizardOutcomes: 0, searches: 0, searchOpens: 0 };
  for (const name of Object.keys(RECORD_TABLES) as (keyof typeof RECORD_TABLES)[]) {
    const table = RECORD_TABLES[name];
    // Counted in the database, so that a large first run does not bring every row back here.
    const [row] = await selectRows<{ count: number | string }>(
      db,
      sql`with removed as (delete from ${table} where ${lt(table.createdAt, cutoff)} returning 1) select count(*) as count from removed`,
    );
    deleted[name] = Number(row?.count ?? 0);
  }
  return { cutoff, deleted };
}
