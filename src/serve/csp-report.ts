import { z } from "zod";

/**
 * Content-Security-Policy violation reports (`report-uri` and `report-to`, csp.ts), reduced to what
 * a maintainer needs and nothing a visitor typed: URLs lose their query and fragment (a search
 * URL holds the pasted error), no script sample is kept, every field is cut short. The route
 * (src/app/api/csp-report) logs what this returns, at most `perMinute` lines a minute.
 */
export interface Violation {
  readonly document: string;
  readonly directive: string;
  readonly blocked: string;
  readonly source: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

/** At most this many reports are read from one request. */
export const MAX_REPORTS_PER_REQUEST = 10;

const text = z.string().optional().catch(undefined);
const position = z.number().int().nonnegative().optional().catch(undefined);

/** `report-uri`: `{"csp-report": {...}}` as `application/csp-report`. */
const LegacyReportSchema = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    "blocked-uri": text,
    "source-file": text,
    "line-number": position,
    "column-number": position,
  }),
});

/** `report-to`: a list of reports as `application/reports+json`. */
const ReportingApiSchema = z.array(
  z.object({
    type: z.string(),
    body: z.object({ documentURL: text, effectiveDirective: text, blockedURL: text, sourceFile: text, lineNumber: position, columnNumber: position }).optional(),
  }),
);

export function parseCspReports(body: string): Violation[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const legacy = LegacyReportSchema.safeParse(json);
  if (legacy.success) {
    const r = legacy.data["csp-report"];
    return [violation(r["document-uri"], r["effective-directive"] ?? r["violated-directive"], r["blocked-uri"], r["source-file"], r["line-number"], r["column-number"])];
  }
  const list = ReportingApiSchema.safeParse(json);
  if (!list.success) return [];
  return list.data
    .filter((report) => report.type === "csp-violation" && report.body)
    .slice(0, MAX_REPORTS_PER_REQUEST)
    .map(({ body: b }) => violation(b?.documentURL, b?.effectiveDirective, b?.blockedURL, b?.sourceFile, b?.lineNumber, b?.columnNumber));
}

function violation(document?: string, directive?: string, blocked?: string, source?: string, line?: number, column?: number): Violation {
  return {
    document: withoutQuery(document) || "?",
    directive: clean(directive ?? "").slice(0, 60) || "?",
    blocked: withoutQuery(blocked) || "?",
    source: withoutQuery(source) || null,
    line: line ?? null,
    column: column ?? null,
  };
}

/** A URL without its query and fragment; a keyword such as `inline` or `eval` as it is. */
function withoutQuery(value: string | undefined): string {
  if (!value) return "";
  let kept = value;
  try {
    const url = new URL(value);
    kept = `${url.origin === "null" ? `${url.protocol}` : url.origin}${url.pathname}`;
  } catch {
    kept = value.replace(/[?#].*$/s, "");
  }
  return clean(kept).slice(0, 200);
}

function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, "");
}

/**
 * A token bucket: `perMinute` lines, refilled evenly. Reports past it are counted, and the count
 * is said once the bucket allows a line again, so a flood costs one log line a few seconds.
 */
export function createLogLimit(perMinute: number, now: () => number = Date.now) {
  let tokens = perMinute;
  let last = now();
  let dropped = 0;
  return {
    /** Whether a line may be logged now; with the number dropped since the last one that was. */
    take(): { ok: true; dropped: number } | { ok: false } {
      const time = now();
      tokens = Math.min(perMinute, tokens + ((time - last) / 60_000) * perMinute);
      last = time;
      if (tokens < 1) {
        dropped++;
        return { ok: false };
      }
      tokens--;
      const before = dropped;
      dropped = 0;
      return { ok: true, dropped: before };
    },
  };
}
