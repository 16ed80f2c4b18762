import { entryUrl, parseWizardPath, parseWizardQuery, WIZARD_HOME, wizardUrl, type WizardLocation } from "@/urls";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { CauseEvidence } from "@/components/feedback/CauseEvidence";
import { WizardTracker } from "@/components/feedback/WizardTracker";
import { KIND_LABEL } from "@/components/labels";
import { getKnowledgeGraph } from "@/content";
import type { KnowledgeGraph } from "@/content/graph";
import { recordSearch } from "@/feedback/record-search";
import { endingAfter, endingOf } from "@/feedback/wizard-positions";
import { Markdown } from "@/render/Markdown";
import type { SearchResponse } from "@/search/rank";
import { parseSearchRequest } from "@/search/request";
import { SearchUnavailableError } from "@/search/pool";
import { prepareQuery } from "@/search/query";
import { searchPrepared } from "@/search/server";
import { TRIAGE_KEY } from "@/wizard/build";
import { causeKey, causesLeft, questionOf, resolve, wizardTitle, type Position, type Walk } from "@/wizard/engine";
import { pasteLines, startFromHit } from "@/wizard/evidence";
import { searchPrefill } from "@/wizard/prefill";
import { getWizardGraph } from "@/wizard/server";
import { Answers } from "./_components/Answers";
import { ArticleBody } from "./_components/ArticleBody";
import { CauseList } from "./_components/CauseList";
import { ElsewhereLinks } from "./_components/ElsewhereLinks";
import { FlowDiagram } from "./_components/FlowDiagram";
import { StepFocus } from "./_components/StepFocus";
import { SupportSummary } from "./_components/SupportSummary";
import { Trail } from "./_components/Trail";

type Query = Record<string, string | string[] | undefined>;

interface Props {
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<Query>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Metadata and page resolve the same state; once per request is enough. Keyed by a string,
// since React's cache compares arguments by identity.
const resolveKey = cache(async (key: string) => {
  const { path, query } = JSON.parse(key) as { path: string[]; query: Query };
  const location = parseWizardPath(path);
  if (!location) return null;
  const { evidence, was } = parseWizardQuery(query);
  const state: WizardLocation = evidence.length > 0 ? { ...location, evidence } : location;
  const walk = resolve(await getWizardGraph(), state);
  return walk.ok ? { walk, was } : null;
});

async function current(props: Props) {
  const [{ path }, query] = await Promise.all([props.params, props.searchParams]);
  return resolveKey(JSON.stringify({ path: path ?? [], query: { e: query.e, was: query.was } }));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const resolved = await current(props);
  if (!resolved) return { title: "这一步已不存在", robots: { index: false } };
  const { walk } = resolved;
  return {
    title: `${heading(walk.position)} · ${wizardTitle(walk.position)}`,
    description: `引导式排查：${wizardTitle(walk.position)}`,
    robots: { index: walk.trail.length === 0 && !walk.state.evidence, follow: true },
  };
}

export default async function WizardPage(props: Props) {
  const resolved = await current(props);
  if (!resolved) notFound();
  const { walk, was } = resolved;
  const { position, trail, state } = walk;
  const graph = await getKnowledgeGraph();
  const wizards = await getWizardGraph();
  const isTriage = position.kind === "choice" && position.node.kind === "triage";

  // The paste box of the first screen: the same search as /search, on the paste cut and masked
  // before anything else (a URL that held a secret was already redirected to its prepared form by
  // the proxy); a confident hit opens the wizard where it points, with the log lines that already
  // answer a check.
  const q = isTriage ? (first((await props.searchParams).q)?.trim() ?? "") : "";
  const request = q !== "" ? parseSearchRequest(q, undefined) : null;
  const query = request?.ok ? prepareQuery(request.query) : null;
  let pasted: SearchResponse | null = null;
  let busy = false;
  if (query) {
    pasted = await searchPrepared(query).catch(unavailable);
    busy = pasted === null;
    if (pasted) await recordSearch(query.text, pasted, "wizard", await headers());
    const top = pasted?.confident ? pasted.results[0] : undefined;
    if (top) redirect(wizardUrl(startFromHit(graph, top, pasteLines(query.text))));
  }

  const here = wizardUrl(state);
  const hrefOf = (key: string) => wizardUrl({ ...state, answers: [...state.answers, key] });
  const back = [...trail].reverse().find((t) => t.state !== null);
  const backHref = back?.state ? wizardUrl(back.state, { was: back.answer.key }) : state.start !== TRIAGE_KEY ? WIZARD_HOME : null;
  const step = state.answers.length + 1;
  const problem = "problem" in position ? position.problem : null;
  const left = problem && (position.kind === "check" || position.kind === "fix") ? causesLeft(walk, problem) : null;
  const progress = `第 ${step} 步${left !== null ? ` · 这个问题还剩 ${left} 个可能原因` : ""}`;
  const title = heading(position);

  return (
    <div className="wizard" data-step={here}>
      <StepFocus stepKey={here} announcement={`${progress}：${title}`} />
      <WizardTracker path={here} start={state.start} first={state.answers.length === 0} ended={endingOf(position) !== "abandoned"} />
      <p className="wizard-kicker">
        引导式排查{isTriage || wizardTitle(position) === title ? "" : ` · ${wizardTitle(position)}`}
      </p>
      <nav className="wizard-nav" aria-label="向导导航">
        {backHref ? (
          <Link href={backHref} className="wizard-back" rel="prev">
            ← 上一步
          </Link>
        ) : null}
        {back?.state && asksSomething(back.position) ? (
          <span className="wizard-last">
            <span className="wizard-last-answer">上一题答了「{back.answer.label}」</span>
            <Link href={wizardUrl(back.state, { was: back.answer.key })} aria-label={`改这个答案：${questionOf(back.position)}`}>
              改这个答案
            </Link>
          </span>
        ) : null}
        {state.start !== TRIAGE_KEY || state.answers.length > 0 ? (
          <Link href={WIZARD_HOME} className="wizard-home">
            回到问题分类
          </Link>
        ) : null}
      </nav>
      <p className="wizard-progress">{progress}</p>

      <section className={`wizard-step step-${position.kind}`} aria-labelledby="step-question" data-entry={entryOf(position) ?? undefined} data-asks={asked(position) ?? undefined}>
        <StepMain walk={walk} title={title} />
        {position.kind === "check" ? <CauseEvidence entry={graph.byId.get(position.problem.id)} cause={position.cause.id} /> : null}
        {isTriage ? <PasteBox q={query?.text ?? ""} response={pasted} busy={busy} /> : null}
        {/* "都不是" and "all ruled out" first offer search and the area's other entries; support comes after. */}
        {(position.kind === "choice" && position.node.kind === "none") || position.kind === "unsolved" ? <Elsewhere graph={graph} walk={walk} /> : null}
        {position.kind === "support" ? <SupportSummary graph={graph} walk={walk} here={here} /> : null}
        {walk.options.length > 0 ? (
          <>
            {position.kind === "fix" ? <h2 className="fix-question">按上面的步骤处理后，问题解决了吗？</h2> : null}
            {position.kind === "unsolved" ? <h2 className="fix-question">还是没找到？</h2> : null}
            <Answers options={walk.options} hrefOf={hrefOf} endingOf={(key) => endingAfter(wizards, state, key)} was={was} label={position.kind === "choice" ? "选择一项" : "选择一个回答"} compact={isTriage} />
          </>
        ) : null}
      </section>

      <Trail trail={trail} />
      {problem ? <CauseList walk={walk} problem={problem} /> : null}
      {position.kind === "choice" && position.node.kind === "flow" ? <FlowDiagram graph={wizards} node={position.node} trail={trail} /> : null}
    </div>
  );
}

/** The entry a step belongs to, and the question it asks (a first-time check or a flow step), for crawlers and tests. */
function entryOf(position: Position): string | null {
  return position.kind === "article" ? position.entry.id : "problem" in position ? position.problem.id : null;
}

function asked(position: Position): string | null {
  if (position.kind === "check" && !position.again) return position.cause.check.question;
  return position.kind === "choice" && position.node.kind === "flow" ? position.node.question : null;
}

/** Whether a step asked the user something (rather than only leading on to search or support). */
function asksSomething(position: Position): boolean {
  return !(position.kind === "unsolved" || (position.kind === "choice" && position.node.kind === "none"));
}

/** The h1 of a step: the question where there is one, else what the step shows. */
function heading(position: Position): string {
  switch (position.kind) {
    case "fix":
      return `解决办法：${position.cause.title}`;
    case "unsolved":
      return "这个问题的原因都看过了";
    case "article":
      return position.entry.title;
    default:
      return questionOf(position);
  }
}

function Question({ title }: { title: string }) {
  return (
    <h1 id="step-question" tabIndex={-1}>
      {title}
    </h1>
  );
}

function StepMain({ walk, title }: { walk: Walk; title: string }) {
  const { position } = walk;
  switch (position.kind) {
    case "choice":
      return (
        <>
          <Question title={title} />
          {position.node.body ? <Markdown blocks={position.node.body} /> : null}
        </>
      );
    case "check": {
      const { problem, cause, again } = position;
      const index = problem.causes.indexOf(cause) + 1;
      const howTo = cause.check.details ?? cause.description;
      return (
        <>
          <p className="wizard-cause">
            可能的原因 {index}/{problem.causes.length}：<Link href={entryUrl(problem.id, cause.id)}>{cause.title}</Link>
          </p>
          <Question title={title} />
          {again ? (
            <div className="wizard-howto" role="note">
              <p>
                <strong>先按下面的方法确认，再回答一次。</strong>还是确定不了也没关系：向导会先看其他原因，并在最后的记录里把这一条标成「未确认」。
              </p>
              {howTo ? <Markdown blocks={howTo} /> : <p>这一条没有现成的检查命令，可以看看条目里对这个原因的说明。</p>}
              <p>
                <Link href={entryUrl(problem.id, cause.id)}>在条目页查看这个原因的完整说明</Link>
              </p>
            </div>
          ) : cause.check.details ? (
            <Markdown blocks={cause.check.details} />
          ) : null}
        </>
      );
    }
    case "fix": {
      const fromLog = walk.trail.at(-1)?.fromLog;
      return (
        <>
          {fromLog ? (
            <p className="wizard-evidence">
              日志第 {fromLog.line} 行：<code>{fromLog.text}</code>
              <span>这一行说明就是这个原因，所以跳过了检查。</span>
            </p>
          ) : null}
          <Question title={title} />
          <div className="wizard-fix">
            <Markdown blocks={position.cause.fix} />
            <p className="muted">
              <Link href={entryUrl(position.problem.id, position.cause.id)}>在条目页查看这个原因的完整说明</Link>
            </p>
          </div>
        </>
      );
    }
    case "solved":
      return (
        <>
          <Question title={title} />
          <p className="wizard-done">
            太好了。这个问题的完整说明在 <Link href={entryUrl(position.problem.id, position.cause.id)}>条目页</Link>，以后再遇到可以直接搜索报错。
          </p>
        </>
      );
    case "unsolved": {
      const { problem } = position;
      const unconfirmed = problem.causes.filter((c) => walk.statuses.get(causeKey(problem.id, c.id))?.state === "unconfirmed");
      return (
        <>
          <Question title={title} />
          {unconfirmed.length === 0 ? (
            <p>「{problem.title}」已知的 {problem.causes.length} 个原因都排除了。下面可以换个方式再找找，或者整理信息交给技术支持。</p>
          ) : (
            <p>
              还有 {unconfirmed.length} 个原因没能确认（{unconfirmed.map((c) => `「${c.title}」`).join("")}）：可以按条目里的方法确认后重新开始，其余的原因都排除了。记录里会把它们标成「未确认」。
            </p>
          )}
        </>
      );
    }
    case "article":
      return (
        <>
          <p className="wizard-cause">
            <span className={`kind kind-${position.entry.kind}`}>{KIND_LABEL[position.entry.kind]}</span> <Link href={entryUrl(position.entry.id)}>在条目页查看</Link>
          </p>
          <Question title={title} />
          <ArticleBody entry={position.entry} />
        </>
      );
    case "support":
      return <Question title={title} />;
  }
}

/** Search and the area's other entries, for "都不是" and for a problem whose causes are all ruled out. */
async function Elsewhere({ graph, walk }: { graph: KnowledgeGraph; walk: Walk }) {
  const prefill = searchPrefill(walk);
  const shown = new Set(walk.visited);
  // Entries the menu just offered were seen and passed over: do not offer them again.
  const last = walk.trail.at(-1)?.position;
  if (last?.kind === "choice" && last.node.kind === "menu") for (const o of last.node.options) shown.add(o.key);
  const response = prefill ? await searchPrepared(prepareQuery(prefill)).catch(unavailable) : null;
  const hits = response ? [...response.results, ...response.suggestions].filter((h) => !shown.has(h.id)).slice(0, 5) : [];
  for (const h of hits) shown.add(h.id);
  const scope = walk.scope;
  const others = scope ? graph.entries.filter((e) => e[scope.by] === scope.slug && !shown.has(e.id)) : [];
  return <ElsewhereLinks prefill={prefill} hits={hits} others={others} scopeLabel={scope?.label ?? null} />;
}

/** A search the pool could not take (saturated or overrun) is answered without results, not with an error page. */
function unavailable(failure: unknown): null {
  if (failure instanceof SearchUnavailableError) return null;
  throw failure;
}

/** `q` is the prepared (cut and masked) paste: the box echoes nothing else. */
function PasteBox({ q, response, busy }: { q: string; response: SearchResponse | null; busy: boolean }) {
  const suggestions = response ? [...response.results, ...response.suggestions].slice(0, 5) : [];
  return (
    <form action={WIZARD_HOME} method="get" className="wizard-search wizard-paste" role="search">
      <label htmlFor="wizard-q">有报错？直接粘贴报错或整段日志，跳到对应的排查步骤：</label>
      <div className="search-form">
        <textarea id="wizard-q" name="q" rows={2} defaultValue={q} autoComplete="off" maxLength={20000} spellCheck={false} />
        <button type="submit">查找</button>
      </div>
      {busy ? (
        <p className="notice" role="status">
          搜索暂时繁忙，请稍后重试，或按下面的分类逐步选择。
        </p>
      ) : null}
      {response ? (
        <div className="notice" role="status">
          <p>没有找到与这段报错足够匹配的问题。可以按下面的分类逐步选择{suggestions.length > 0 ? "，或者看看这些可能相关的条目：" : "。"}</p>
          {suggestions.length > 0 ? (
            <ul>
              {suggestions.map((hit) => (
                <li key={hit.id}>
                  <Link href={wizardUrl({ start: hit.id, answers: [] })}>{hit.title}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
