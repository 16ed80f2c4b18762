import { env } from "@/config/env";
import { beforeExit } from "@/serve/before-exit";
import { refreshRanking, setEvidenceLoader } from "./cause-order";
import { loadEvidence } from "./evidence";
import { startFeedbackService, type FeedbackService } from "./service";

/**
 * The recording service of this process, started on first use (or by instrumentation.ts at
 * start-up) and kept on globalThis: Next.js may load this module more than once, and the embedded
 * database must be opened once.
 */
const KEY = Symbol.for("paizhang-kb.feedback");
/** Below next-child.ts's own limit, so that the database is closed cleanly rather than cut. */
const SHUTDOWN_FLUSH_MS = 4_000;

export function feedback(): FeedbackService {
  const holder = globalThis as { [KEY]?: FeedbackService };
  if (!holder[KEY]) {
    const config = env();
    holder[KEY] = startFeedbackService({
      storage: { databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR },
      retentionDays: config.RETENTION_DAYS,
      ratePerMinute: config.FEEDBACK_RATE,
      onOpen: async (storage) => {
        setEvidenceLoader((before) => loadEvidence(storage.db, before));
        await refreshRanking();
      },
    });
    const service = holder[KEY];
    // At shutdown the requests in flight have finished (src/front/shutdown.ts): write what they queued.
    beforeExit(() => service.close({ flushMs: SHUTDOWN_FLUSH_MS }));
  }
  return holder[KEY];
}

/** True for requests that reached us over TLS (directly or through a proxy that says so). */
export function isSecure(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https" || env().SITE_URL.startsWith("https:");
}
