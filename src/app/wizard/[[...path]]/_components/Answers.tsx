import { WizardAnswer } from "@/components/feedback/WizardAnswer";
import type { Answer } from "@/wizard/engine";

/**
 * The answers of a step as large links, in groups where the step has them. When the user came back
 * to change an answer, the one they gave before is marked. An answer that ends the walk is a form
 * button that records the ending (WizardAnswer) and then shows the same step a link would.
 */
export function Answers({
  options,
  hrefOf,
  endingOf = () => null,
  was,
  label,
  compact = false,
}: {
  options: readonly Answer[];
  hrefOf: (key: string) => string;
  endingOf?: (key: string) => "solved" | "unsolved" | null;
  was: string | null;
  label: string;
  compact?: boolean;
}) {
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
                    <WizardAnswer
                      className={`answer answer-${option.key.length === 1 ? option.key : "choice"}${earlier ? " answer-was" : ""}`}
                      href={hrefOf(option.key)}
                      ending={endingOf(option.key)}
                      current={earlier}
                    >
                      <span>{option.label}</span>
                      {earlier ? <span className="was-badge">上次选的</span> : null}
                    </WizardAnswer>
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
