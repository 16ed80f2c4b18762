import type { EntryKind } from "@/content/schema";

/**
 * Narrowing a search by area, system and kind, and how many candidates each value would leave.
 * Counts are taken over every candidate the query matched (answers and "maybe related" alike)
 * before any filter, so a user sees where the other matches are before choosing one.
 */
export const FACET_NAMES = ["area", "system", "kind"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchFilter {
  readonly area?: string;
  readonly system?: string;
  readonly kind?: EntryKind;
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export type Facets = Readonly<Record<FacetName, readonly FacetValue[]>>;

type Faceted = Readonly<Record<FacetName, string>>;

export function matchesFilter(item: Faceted, filter: SearchFilter): boolean {
  return FACET_NAMES.every((name) => filter[name] === undefined || filter[name] === item[name]);
}

/** Each facet's values among `items`, most frequent first, ties in first-seen (rank) order. */
export function facetCounts(items: readonly Faceted[]): Facets {
  const count = (name: FacetName): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item[name], (counts.get(item[name]) ?? 0) + 1);
    return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count);
  };
  return { area: count("area"), system: count("system"), kind: count("kind") };
}

export function isEmptyFilter(filter: SearchFilter): boolean {
  return FACET_NAMES.every((name) => filter[name] === undefined);
}

/** The values each facet can take in an index, for checking a filter that came from a URL. */
export function knownValues(items: readonly Faceted[]): Record<FacetName, Set<string>> {
  return {
    area: new Set(items.map((i) => i.area)),
    system: new Set(items.map((i) => i.system)),
    kind: new Set(items.map((i) => i.kind)),
  };
}
