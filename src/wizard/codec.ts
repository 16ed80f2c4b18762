import type { WizardState } from "./engine";

/**
 * Wizard state ↔ URL path: `/wizard/<start>/<answer>/<answer>…`. Decoding never throws: a
 * segment that is not a plausible key makes the state invalid (null), which the page shows as
 * "this step no longer exists".
 */
const SEGMENT = /^[a-z0-9][a-z0-9._~-]{0,127}$/;
const MAX_ANSWERS = 200;

export function encodeState(state: WizardState): string {
  return ["/wizard", state.start, ...state.answers].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join("/");
}

export function decodeState(segments: readonly string[] | undefined): WizardState | null {
  if (!segments || segments.length === 0) return { start: "triage", answers: [] };
  if (segments.length > MAX_ANSWERS + 1) return null;
  const decoded: string[] = [];
  for (const raw of segments) {
    const segment = safeDecode(raw);
    if (segment === null || !SEGMENT.test(segment)) return null;
    decoded.push(segment);
  }
  const [start, ...answers] = decoded;
  return start ? { start, answers } : null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
