import type { QueryUnit } from "./lines";
import { fold, maskVolatile } from "./normalize";
import type { SignatureRecord } from "./index-data";
import { SignatureIndex, signatureRecord } from "./signatures";

/**
 * Neighbouring problems (`content/neighbours.yml`): errors that share words, and sometimes whole
 * lines, with problems the knowledge base covers, but that none of its fixes solves (Redis OOM
 * next to "Redis refused", Alipay next to WeChat Pay, 40029 next to the login errors). Ranking
 * alone cannot tell them apart; their own printed text can. A recognised neighbour keeps an entry
 * from being presented as the answer unless that entry recognised an error text of its own at
 * least as specific.
 *
 * The index stores a neighbour with its error texts as written.
 */
export interface StoredNeighbour {
  readonly id: string;
  readonly title: string;
  readonly hint: string;
  readonly signatures: readonly string[];
}

/** A neighbour ready to match: each text with the form a line must contain, as a signature has. */
export interface NeighbourRecord extends Omit<StoredNeighbour, "signatures"> {
  readonly signatures: readonly Pick<SignatureRecord, "text" | "norm" | "pattern">[];
}

/** The stored neighbours made ready to match, with the numbers the index keeps literal. */
export function loadNeighbours(stored: readonly StoredNeighbour[], keepNumbers: ReadonlySet<string>): NeighbourRecord[] {
  return stored.map((n) => ({
    ...n,
    signatures: n.signatures.map((text) => {
      const { norm, pattern } = signatureRecord({ text, doc: -1, cause: -1 }, keepNumbers);
      return { text, norm, pattern };
    }),
  }));
}

export interface NeighbourHit {
  readonly id: string;
  readonly title: string;
  readonly hint: string;
  /** The error text that was recognised, as the content writes it. */
  readonly signature: string;
  /** How specific that text is (as a signature's weight). */
  readonly weight: number;
  /** The line of a multi-line query it was found on. */
  readonly line?: number;
  /**
   * On every line where some neighbour was recognised, the weight of the most specific one (keyed
   * by line, undefined for a one-line query): a log often prints the same error twice.
   */
  readonly weightOn: ReadonlyMap<number | undefined, number>;
}

export class NeighbourIndex {
  private readonly signatures: SignatureIndex;

  constructor(private readonly records: readonly NeighbourRecord[]) {
    // Each neighbour's signatures are indexed as if it were an entry (doc = its position).
    this.signatures = new SignatureIndex(records.flatMap((r, doc) => r.signatures.map((s) => ({ ...s, doc, cause: -1 }))));
  }

  /** The most specific neighbour any line of the query prints, or null. */
  recognise(units: readonly QueryUnit[], keepNumbers: ReadonlySet<string>): NeighbourHit | null {
    if (this.records.length === 0) return null;
    let best: NeighbourHit | null = null;
    const weightOn = new Map<number | undefined, number>();
    for (const unit of units) {
      const folded = fold(unit.text);
      for (const hit of this.signatures.match(folded, maskVolatile(folded, { keepNumbers }))) {
        const record = this.records[hit.record.doc];
        if (!record) continue;
        weightOn.set(unit.line, Math.max(weightOn.get(unit.line) ?? 0, hit.weight));
        if (best && best.weight >= hit.weight) continue;
        best = { id: record.id, title: record.title, hint: record.hint, signature: hit.record.text, weight: hit.weight, ...(unit.line !== undefined ? { line: unit.line } : {}), weightOn };
      }
    }
    return best;
  }
}
