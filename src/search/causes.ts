/**
 * Which cause of an entry a query points at, when no cause-owned signature decided it: the cause
 * whose own words (title, check question, description) answer clearly more of the line than any
 * other. Returns -1 when none stands out, and the result then links to the entry, not a cause.
 */
export function pickCause(causes: readonly ReadonlySet<string>[], weights: ReadonlyMap<string, number>, total: number): number {
  if (causes.length === 0 || total <= 0) return -1;
  const overlaps = causes.map((terms) => {
    let sum = 0;
    for (const [term, weight] of weights) if (terms.has(term)) sum += weight;
    return sum;
  });
  let first = -1;
  let second = 0;
  overlaps.forEach((overlap, index) => {
    if (first < 0 || overlap > (overlaps[first] ?? 0)) {
      if (first >= 0) second = overlaps[first] ?? 0;
      first = index;
    } else if (overlap > second) second = overlap;
  });
  const best = overlaps[first] ?? 0;
  return best >= 0.3 * total && best > 1.25 * second ? first : -1;
}
