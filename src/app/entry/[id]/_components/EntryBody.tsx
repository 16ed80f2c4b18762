import type { ReactNode } from "react";
import { CauseRanking } from "@/components/feedback/CauseRanking";
import { VoteForm } from "@/components/feedback/VoteForm";
import { SignatureList } from "@/components/SignatureList";
import type { Blocks, Entry, Guide, Problem, Question } from "@/content/schema";
import { Markdown } from "@/render/Markdown";
import { causeAnchor, stepAnchor } from "@/urls";

/** The kind-specific body of an entry: causes, an answer, or guide steps. */
export function EntryBody({ entry }: { entry: Entry }) {
  switch (entry.kind) {
    case "problem":
      return <ProblemBody problem={entry} />;
    case "question":
      return <QuestionBody question={entry} />;
    case "guide":
      return <GuideBody guide={entry} />;
  }
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="entry-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title}{" "}
        <a href={`#${id}`} className="anchor" aria-label="链接到本节">
          #
        </a>
      </h2>
      {children}
    </section>
  );
}

function Notes({ notes }: { notes: Blocks | null }) {
  return notes ? (
    <Section id="notes" title="说明">
      <Markdown blocks={notes} />
    </Section>
  ) : null;
}

function ProblemBody({ problem }: { problem: Problem }) {
  return (
    <>
      <p className="causes-intro">
        按可能性从高到低列出 {problem.causes.length} 个原因，逐个检查即可。
      </p>
      <CauseRanking entry={problem.id} titles={Object.fromEntries(problem.causes.map((c) => [c.id, c.title]))} />
      <ol className="causes">
        {problem.causes.map((cause, index) => (
          <li key={cause.id}>
            <Section id={causeAnchor(cause.id)} title={<>原因 {index + 1}：{cause.title}</>}>
              {cause.description ? <Markdown blocks={cause.description} /> : null}
              <SignatureList signatures={cause.signatures} label="这个原因的报错" />
              <div className="check">
                <h3>检查</h3>
                <p className="check-question">{cause.check.question}</p>
                {cause.check.details ? <Markdown blocks={cause.check.details} /> : null}
              </div>
              <div className="fix">
                <h3>解决</h3>
                <Markdown blocks={cause.fix} />
              </div>
              <VoteForm entry={problem.id} cause={cause.id} question="按这个原因处理后，问题解决了吗？" no="没有" />
            </Section>
          </li>
        ))}
      </ol>
      <Notes notes={problem.notes} />
    </>
  );
}

function QuestionBody({ question }: { question: Question }) {
  return (
    <>
      <Section id="answer" title="回答">
        <Markdown blocks={question.answer} />
      </Section>
      <Notes notes={question.notes} />
    </>
  );
}

function GuideBody({ guide }: { guide: Guide }) {
  return (
    <ol className="steps">
      {guide.steps.map((step, index) => (
        <li key={step.id}>
          <Section id={stepAnchor(step.id)} title={<>{index + 1}. {step.title}</>}>
            <Markdown blocks={step.body} />
          </Section>
        </li>
      ))}
    </ol>
  );
}
