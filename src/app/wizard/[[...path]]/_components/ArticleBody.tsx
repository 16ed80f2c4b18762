import { Markdown } from "@/render/Markdown";
import type { Article } from "@/wizard/model";

/** A question's answer or a guide's steps, shown inside the wizard as its final step. */
export function ArticleBody({ entry }: { entry: Article }) {
  return (
    <div className="wizard-article">
      {entry.intro ? <Markdown blocks={entry.intro} /> : null}
      {entry.kind === "question" ? (
        <>
          <h2>回答</h2>
          <Markdown blocks={entry.answer} />
          {entry.notes ? (
            <>
              <h2>说明</h2>
              <Markdown blocks={entry.notes} />
            </>
          ) : null}
        </>
      ) : (
        <ol className="steps">
          {entry.steps.map((step, index) => (
            <li key={step.id}>
              <h2>
                {index + 1}. {step.title}
              </h2>
              <Markdown blocks={step.body} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
