import { ENTRY_KINDS, type Entry } from "@/content/schema";
import { EntryCard } from "./EntryCard";
import { KIND_HEADING } from "./labels";

/** Entries grouped by kind, in the schema's order (problems first). */
export function EntryList({ entries, headingLevel = 2 }: { entries: readonly Entry[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {ENTRY_KINDS.map((kind) => {
        const ofKind = entries.filter((e) => e.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <Heading id={`kind-${kind}`}>
              {KIND_HEADING[kind]} <span className="count">{ofKind.length}</span>
            </Heading>
            <ul className="entry-list">
              {ofKind.map((entry) => (
                <EntryCard key={entry.id} entry={entry} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
