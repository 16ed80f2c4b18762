import { z } from "zod";

/**
 * Configuration by environment, validated once at start-up (see `instrumentation.ts`): a wrong
 * value stops the server with a message that names the variable, instead of odd links later.
 */
const EnvSchema = z.object({
  SITE_URL: z
    .url({ message: "must be an absolute URL such as https://kb.example.com" })
    .refine((url) => /^https?:\/\//.test(url), "must start with http:// or https://")
    .default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** Memory the front may use for cached pages (`src/front`); 0 turns the cache off. */
  CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /**
   * Old-space limit for the Next.js server. Its live heap is about 60 MB; without a limit V8 lets
   * garbage pile up to about 250 MB under load before collecting, which in a container is memory
   * that looks used.
   */
  HEAP_MB: z.coerce.number().int().min(64).max(16384).default(192),

  // Learning from use (src/feedback): where votes, wizard outcomes and searches are stored, for how
  // long, who may read the insights, and whether cause order follows what fixed things.
  /** Directory of the embedded PostgreSQL (PGlite) used when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** A PostgreSQL server shared by every app instance; replaces the embedded database. */
  DATABASE_URL: z
    .url({ message: "must be a URL such as postgres://user:password@db:5432/kb" })
    .refine((url) => /^postgres(?:ql)?:\/\//.test(url), "must start with postgres:// or postgresql://")
    .optional(),
  /** Recorded rows older than this many days are deleted (at start-up and daily). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Enables /insights and /api/insights for whoever presents this token; unset, both answer 404. */
  ADMIN_TOKEN: z.string().min(16, "use at least 16 characters (for example `openssl rand -hex 24`)").optional(),
  /** `off` keeps every entry's causes in the author's order. */
  RERANK: z.enum(["on", "off"]).default("on"),
  /** Feedback and event writes each client may make per minute; 0 turns the limit off (load tests). */
  FEEDBACK_RATE: z.coerce.number().int().min(0).max(100000).default(60),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): { ok: true; env: Env } | { ok: false; message: string } {
  const parsed = EnvSchema.safeParse({
    SITE_URL: source.SITE_URL || undefined,
    PORT: source.PORT || undefined,
    HOSTNAME: source.HOSTNAME || undefined,
    CACHE_MB: source.CACHE_MB || undefined,
    HEAP_MB: source.HEAP_MB || undefined,
    DATA_DIR: source.DATA_DIR || undefined,
    DATABASE_URL: source.DATABASE_URL || undefined,
    RETENTION_DAYS: source.RETENTION_DAYS || undefined,
    ADMIN_TOKEN: source.ADMIN_TOKEN || undefined,
    RERANK: source.RERANK || undefined,
    FEEDBACK_RATE: source.FEEDBACK_RATE || undefined,
  });
  if (parsed.success) return { ok: true, env: parsed.data };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  return { ok: false, message: `Invalid configuration:\n${lines.join("\n")}` };
}

let cached: Env | null = null;

/** The validated environment; throws with the same message if it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const result = readEnv();
  if (!result.ok) throw new Error(result.message);
  cached = result.env;
  return cached;
}

/** The canonical absolute URL of a path on this site. */
export function absoluteUrl(path: string): string {
  return new URL(path, env().SITE_URL).toString();
}
