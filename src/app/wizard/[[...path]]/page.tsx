import { entryUrl, parseWizardPath, WIZARD_HOME, wizardKey, wizardUrl } from "@/urls";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getKnowledgeGraph } from "@/content";
import { Markdown } from "@/render/Markdown";
import { SearchUnavailableError } from "@/search/pool";
import { prepareQuery } from "@/search/query";
import { searchPrepared } from "@/search/server";
import { TRIAGE_KEY } from "@/wizard/build";
import { resolve, stepsAhead } from "@/wizard/engine";
import type { Step } from "@/wizard/model";
import { getWizardGraph } from "@/wizard/server";
import { UnsolvedSummary } from "./_components/UnsolvedSummary";
import { WizardDiagram } from "./_components/WizardDiagram";

interface Props {
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<{ q?: string | string[] }>;
}

// Metadata and page resolve the same state; once per request is enough. Keyed by a string,
// since React's cache compares arguments by identity.
const resolvePath = cache(async (key: string) => {
  const state = parseWizardPath(JSON.parse(key) as string[]);
  if (!state) return null;
  const resolved = resolve(await getWizardGraph(), state);
  return resolved.ok ? resolved : null;
});

async function current(props: Props) {
  return resolvePath(JSON.stringify((await props.params).path ?? []));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const resolved = await current(props);
  if (!resolved) return { title: "这一步已不存在", robots: { index: false } };
  return {
    title: `${resolved.step.question} · ${resolved.step.wizard.title}`,
    description: `引导式排查：${resolved.step.wizard.title}`,
    robots: { index: resolved.trail.length === 0, follow: true },
  };
}

export default async function WizardPage(props: Props) {
  const param = (await props.searchParams).q;
  const q = (Array.isArray(param) ? param[0] : param)?.trim() ?? "";
  const resolved = await current(props);
  if (!resolved) notFound();
  const { step, trail, state } = resolved;
  const graph = await getKnowledgeGraph();
  const wizards = await getWizardGraph();
  const isTriage = step.wizard.key === TRIAGE_KEY;

  // The paste is cut and masked before anything else (a URL that held a secret was already
  // redirected to its prepared form by the proxy).
  const query = isTriage && q !== "" ? prepareQuery(q) : null;
  let notice: string | null = null;
  if (query) {
    const response = await searchPrepared(query).catch((failure: unknown) => {
      if (failure instanceof SearchUnavailableError) return null;
      throw failure;
    });
    const top = response?.results.find((hit) => hit.kind === "problem");
    if (top) redirect(wizardUrl({ start: wizardKey(top.id, top.cause), answers: [] }));
    notice = response ? "没有找到与这段报错足够匹配的问题，请按上面的选项逐步选择。" : "搜索暂时繁忙，请稍后重试，或按上面的选项逐步选择。";
  }

  const position = trail.length + 1;
  const most = position + stepsAhead(wizards, step);
  const here = wizardUrl(state);
  const restart = wizardUrl({ start: state.start, answers: [] });

  return (
    <div className="wizard">
      <p className="wizard-kicker">
        引导式排查 · {step.wizard.title}
      </p>
      {trail.length > 0 ? (
        <nav aria-label="已回答的问题" className="wizard-trail">
          <ol>
            {trail.map((item, i) => (
              <li key={i}>
                <Link href={wizardUrl(item.state)}>
                  {item.step.question} <strong>{item.option.label}</strong>
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <div className="wizard-progress">
        <span>
          第 {position} 步{most > position ? `，这条路最多 ${most} 步` : ""}
        </span>
        <progress value={position} max={most} aria-label={`第 ${position} 步，共最多 ${most} 步`} />
      </div>

      <section className={`wizard-step step-${step.kind}`} aria-labelledby="step-question">
        {step.kind === "check" || step.kind === "fix" ? (
          <p className="wizard-cause">
            可能的原因：<Link href={entryUrl(step.entryId, step.causeId)}>{step.causeTitle}</Link>
          </p>
        ) : null}
        {step.kind === "fix" ? (
          <div className="wizard-fix">
            <h2>解决办法</h2>
            <Markdown blocks={step.fix} />
            <p>
              <Link href={entryUrl(step.entryId, step.causeId)}>在完整条目里查看这个原因</Link>
            </p>
          </div>
        ) : null}
        <h1 id="step-question">{step.question}</h1>
        <StepBody step={step} />
        {step.options.length > 0 ? (
          <ul className="answers" aria-label="选择一个回答">
            {step.options.map((option) => (
              <li key={option.key}>
                <Link className={`answer answer-${option.key.length === 1 ? option.key : "choice"}`} href={wizardUrl({ start: state.start, answers: [...state.answers, option.key] })}>
                  {option.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <End step={step} />
      </section>

      {step.kind === "unsolved" ? <UnsolvedSummary graph={graph} trail={trail} step={step} url={here} /> : null}

      {isTriage ? (
        <form action={here} method="get" className="wizard-search" role="search">
          <label htmlFor="wizard-q">或者直接粘贴看到的报错，跳到对应的排查步骤：</label>
          <div className="search-form">
            <input id="wizard-q" name="q" type="search" defaultValue={query?.text ?? ""} autoComplete="off" maxLength={20000} />
            <button type="submit">查找</button>
          </div>
          {notice ? <p className="notice">{notice}</p> : null}
        </form>
      ) : null}

      <p className="wizard-actions">
        {state.answers.length > 0 ? <Link href={restart}>重新开始这个向导</Link> : null}
        {state.start !== TRIAGE_KEY || state.answers.length > 0 ? <Link href={WIZARD_HOME}>回到问题分类</Link> : null}
      </p>

      {isTriage && step.id === "triage" ? null : <WizardDiagram graph={wizards} step={step} trail={trail} />}
    </div>
  );
}

function StepBody({ step }: { step: Step }) {
  if ((step.kind === "check" || step.kind === "choice") && step.body) return <Markdown blocks={step.body} />;
  return null;
}

function End({ step }: { step: Step }) {
  switch (step.kind) {
    case "solved":
      return (
        <p className="wizard-done">
          太好了。这个问题的完整说明在 <Link href={entryUrl(step.entryId, step.causeId)}>条目页</Link>，以后再遇到可以直接搜索报错。
        </p>
      );
    case "article":
      return (
        <p className="wizard-done">
          这个问题有一篇对应的说明：<Link href={entryUrl(step.entryId)}>打开条目</Link>。
        </p>
      );
    case "unsolved":
      return step.entryId ? (
        <p>
          这个问题已知的原因都排除了。也可以回头再看一遍 <Link href={entryUrl(step.entryId)}>完整条目</Link>。
        </p>
      ) : (
        <p>知识库里暂时没有对应的问题。按下面的步骤收集信息，交给技术支持。</p>
      );
    default:
      return null;
  }
}
