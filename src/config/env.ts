import proxyaddr from "proxy-addr";
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
  /**
   * The content tree the app reads, relative to the working directory. Pages are prerendered at
   * build time, so in production it matters when building; `npm run dev` reads it on every change.
   */
  CONTENT_DIR: z.string().min(1).default("content"),
  /**
   * Where an entry's "编辑此页" link leads: a pattern such as
   * https://github.com/o/r/edit/main/content/{path}, where `{path}` is the file's path inside the
   * content tree (`entries/docker/x.md`) and `{file}` its absolute path on this machine. Without it
   * the link shows only under `npm run dev`, where it defaults to opening the file in VS Code.
   */
  CONTENT_EDIT_URL: z
    .string()
    .refine((pattern) => pattern.includes("{path}") || pattern.includes("{file}"), "must contain {path} or {file}")
    .refine((pattern) => /^(?:https?|vscode|vscode-insiders|idea|file):/.test(pattern), "must be an http(s), vscode, idea or file URL")
    .optional(),
  /** Where the wizard's "not solved" summary is sent: a ticket form or chat link, and/or a mailbox. */
  SUPPORT_URL: z
    .url({ message: "must be an absolute URL such as https://support.example.com/new" })
    .refine((url) => /^https?:\/\//.test(url), "must start with http:// or https://")
    .optional(),
  SUPPORT_EMAIL: z.email({ message: "must be an email address such as support@example.com" }).optional(),
  /**
   * Seconds the front gives requests in flight to finish after SIGTERM or SIGINT before it stops
   * Next.js and exits anyway (src/front/shutdown.ts). Keep it below the container's stop grace period.
   */
  SHUTDOWN_TIMEOUT: z.coerce.number().min(0).max(600).default(10),
  /**
   * Which peers may say who the client is, in X-Forwarded-For (the TLS proxy): a comma-separated
   * list of addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`. The front limits
   * each client's share of the connections to Next.js by that address.
   */
  TRUST_PROXY: z
    .string()
    .default("loopback")
    .refine((value) => {
      try {
        proxyaddr.compile(trustList(value));
        return true;
      } catch {
        return false;
      }
    }, "must be a comma-separated list of IP addresses, CIDR ranges, or loopback / linklocal / uniquelocal"),
});

/** TRUST_PROXY as the list proxy-addr compiles. */
export function trustList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

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
    CONTENT_DIR: source.CONTENT_DIR || undefined,
    CONTENT_EDIT_URL: source.CONTENT_EDIT_URL || undefined,
    SUPPORT_URL: source.SUPPORT_URL || undefined,
    SUPPORT_EMAIL: source.SUPPORT_EMAIL || undefined,
    SHUTDOWN_TIMEOUT: source.SHUTDOWN_TIMEOUT || undefined,
    TRUST_PROXY: source.TRUST_PROXY || undefined,
  });
  if (parsed.success) return { ok: true, env: parsed.data };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  return { ok: false, message: `Invalid configuration:\n${lines.join("\n")}` };
}

/** Settings that work but are probably not what a deployment wants, said once at start-up. */
export function configWarnings(source: Record<string, string | undefined> = process.env): string[] {
  const warnings: string[] = [];
  if (!source.SITE_URL)
    warnings.push("SITE_URL is not set: canonical and Open Graph URLs, the sitemap and the links in support summaries will say http://localhost:3000");
  return warnings;
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
