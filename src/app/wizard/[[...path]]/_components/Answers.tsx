import Link from "next/link";
import type { Answer } from "@/wizard/engine";

/**
 * The answers of a step as large links, in groups where the step has them. When the user came back
 * to change an answer, the one they gave before is marked.
 */
export function Answers({ options, hrefOf, was, label, compact = false }: { options: readonly Answer[]; hrefOf: (key: string) => string; was: string | null; label: string; compact?: boolean }) {
  const groups: { name: string | null; options: Answer[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && last.name === option.group) last.options.push(option);
    else groups.push({ name: option.group, options: [option] });
  }
  return (
    <div className="answers-block">
      {groups.map((group, index) => {
        const id = `answers-${index}`;
        return (
          <div key={id} className="answers-group">
            {group.name ? (
              <h2 className="answers-heading" id={id}>
                {group.name}
              </h2>
            ) : null}
            <ul className={compact ? "answers answers-compact" : "answers"} aria-labelledby={group.name ? id : undefined} aria-label={group.name ? undefined : label}>
              {group.options.map((option) => {
                const earlier = option.key === was;
                return (
                  <li key={option.key}>
                    <Link className={`answer answer-${option.key.length === 1 ? option.key : "choice"}${earlier ? " answer-was" : ""}`} href={hrefOf(option.key)} aria-current={earlier ? "true" : undefined}>
                      <span>{option.label}</span>
                      {earlier ? <span className="was-badge">上次选的</span> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
