/**
 * Picking the best few of many scores. A line of a 10,000-entry corpus scores thousands of
 * entries and only its best 50 matter: a min-heap of the k largest seen so far finds the cut in
 * one pass (n log k, most values rejected by a single comparison) where a full sort is n log n.
 */

/** The k-th largest of `values`, ties counted; -Infinity when there are fewer than k (or k < 1). */
export function kthLargest(values: ArrayLike<number>, k: number): number {
  if (k < 1 || values.length < k) return -Infinity;
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? -Infinity;
    if (size < k) {
      heap[size] = v;
      siftUp(heap, size++);
    } else if (v > (heap[0] ?? Infinity)) {
      heap[0] = v;
      siftDown(heap, k);
    }
  }
  return heap[0] ?? -Infinity;
}

/** The `k` best-scored, best first (ties keep their order). */
export function topScored<T extends { readonly score: number }>(items: readonly T[], k: number): T[] {
  if (items.length > k * 4) {
    const cut = kthLargest(
      items.map((item) => item.score),
      k,
    );
    items = items.filter((item) => item.score >= cut);
  }
  return [...items].sort((a, b) => b.score - a.score).slice(0, k);
}

function siftUp(heap: Float64Array, at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if ((heap[parent] ?? 0) <= (heap[at] ?? 0)) return;
    swap(heap, parent, at);
    at = parent;
  }
}

function siftDown(heap: Float64Array, size: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let least = at;
    if (left < size && (heap[left] ?? 0) < (heap[least] ?? 0)) least = left;
    if (right < size && (heap[right] ?? 0) < (heap[least] ?? 0)) least = right;
    if (least === at) return;
    swap(heap, least, at);
    at = least;
  }
}

function swap(heap: Float64Array, a: number, b: number): void {
  const t = heap[a] ?? 0;
  heap[a] = heap[b] ?? 0;
  heap[b] = t;
}
