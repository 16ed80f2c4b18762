import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getKnowledgeGraph } from "@/content";
import type { EntryInsight, InsightsReport, Rate } from "@/feedback/insights";
import { failedSearchDetail } from "@/feedback/insights";
import { insightsAccess, loadInsights } from "@/feedback/insights-server";
import { feedback } from "@/feedback/server";
import { INSIGHTS_LOGOUT, insightsUrl } from "@/urls";
import { entryUrl } from "@/urls";
import { BarChart } from "./_components/BarChart";
import { Findable } from "./_components/Findable";
import { LoginForm } from "./_components/LoginForm";
import "./insights.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "使用情况", robots: { index: false, follow: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

/**
 * /insights: for the people who maintain the content. Enabled by ADMIN_TOKEN (404 without it),
 * shown to whoever presents the token (a login form otherwise).
 */
export default async function InsightsPage({ searchParams }: Props) {
  const access = insightsAccess(await headers());
  if (access === "disabled") notFound();
  const params = await searchParams;
  if (access === "denied") return <LoginForm error={one(params.error)} />;

  const result = await loadInsights();
  return (
    <div className="insights">
      <header className="insights-header">
        <h1>使用情况</h1>
        <form method="post" action={INSIGHTS_LOGOUT}>
          <button type="submit" className="button button-quiet">
            退出
          </button>
        </form>
      </header>
      {result.ok ? <Report report={result.report} params={params} /> : <p role="alert" className="notice notice-error">{result.reason}。页面和搜索不受影响；数据库恢复后这里会自动显示数据。</p>}
    </div>
  );
}

async function Report({ report, params }: { report: InsightsReport; params: Record<string, string | string[] | undefined> }) {
  const { totals, daily } = report;
  const template = one(params.template);
  const storage = feedback().storage();
  const detail = template && storage ? await failedSearchDetail(storage.db, template) : null;
  const graph = await getKnowledgeGraph();
  const walks = totals.walks.solved + totals.walks.unsolved + totals.walks.abandoned;
  return (
    <>
      <p className="lead">
        保留最近的记录（见 <code>RETENTION_DAYS</code>）。搜索内容和反馈原因在保存前已打码；不记录 IP 地址。生成于 <time dateTime={report.generatedAt}>{report.generatedAt.slice(0, 16).replace("T", " ")} UTC</time>。
      </p>
      <dl className="insights-totals">
        <div>
          <dt>搜索</dt>
          <dd>
            {totals.searches} <span className="muted">有答案 {percent(totals.searches ? totals.confidentSearches / totals.searches : null)}</span>
          </dd>
        </div>
        <div>
          <dt>「解决了吗」投票</dt>
          <dd>
            {totals.votes.yes + totals.votes.no} <span className="muted">解决了 {percent(totals.votes.rate)}</span>
          </dd>
        </div>
        <div>
          <dt>向导</dt>
          <dd>
            {walks} <span className="muted">解决 {percent(walks ? totals.walks.solved / walks : null)}</span>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">最近 {daily.days} 天</h2>
        <div className="insights-charts">
          <BarChart
            id="chart-searches"
            title="每天的搜索"
            summary={`有答案的占 ${percent(share(daily.searches.map((d) => [d.confident, d.total])))}`}
            series={[
              { name: "有答案", className: "series-good" },
              { name: "没有找到", className: "series-bad" },
            ]}
            rows={daily.searches.map((d) => ({ label: d.day, values: [d.confident, d.total - d.confident] }))}
          />
          <BarChart
            id="chart-votes"
            title="每天的投票"
            summary={`「解决了」占 ${percent(share(daily.votes.map((d) => [d.helpful, d.helpful + d.unhelpful])))}`}
            series={[
              { name: "解决了", className: "series-good" },
              { name: "没有解决", className: "series-bad" },
            ]}
            rows={daily.votes.map((d) => ({ label: d.day, values: [d.helpful, d.unhelpful] }))}
          />
        </div>
      </section>

      <section aria-labelledby="failed-searches" className="insights-section">
        <h2 id="failed-searches">没有找到答案的搜索</h2>
        <p className="muted">按模板分组：时间、地址、编号、数字等每次都不同的部分已替换成占位符。</p>
        {detail ? <Findable graph={graph} detail={detail} entry={one(params.entry)} signature={one(params.signature)} /> : null}
        {report.failedSearches.length === 0 ? (
          <p>还没有记录到没找到答案的搜索。</p>
        ) : (
          <div className="table-scroll">
            <table className="insights-table">
              <thead>
                <tr>
                  <th scope="col">模板</th>
                  <th scope="col">次数</th>
                  <th scope="col">最近</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {report.failedSearches.map((g) => (
                  <tr key={g.template} aria-current={g.template === template ? "true" : undefined}>
                    <td>
                      <code className="insights-template">{g.template}</code>
                      {g.fromWizard > 0 ? <span className="muted"> · 向导里 {g.fromWizard} 次</span> : null}
                    </td>
                    <td>{g.count}</td>
                    <td>
                      <time dateTime={g.lastSeen}>{g.lastSeen.slice(0, 10)}</time>
                    </td>
                    <td>
                      <Link href={insightsUrl({ template: g.template }, "findable")}>让它能被搜到</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="entries-title" className="insights-section">
        <h2 id="entries-title">条目和原因</h2>
        <p className="muted">「解决了」比例来自条目页的投票；向导解决率 = 在这个条目的向导里解决的次数 / 走到结束或中途离开的次数。原因的顺序由估计值决定（作者的顺序是先验，见 README）。</p>
        {report.entries.length === 0 ? <p>还没有投票或向导记录。</p> : report.entries.map((e) => <EntryRow key={e.id} entry={e} />)}
      </section>

      <section aria-labelledby="exits-title" className="insights-section">
        <h2 id="exits-title">向导在哪里结束而没有解决</h2>
        {report.exits.length === 0 ? (
          <p>还没有记录。</p>
        ) : (
          <div className="table-scroll">
            <table className="insights-table">
              <thead>
                <tr>
                  <th scope="col">这一步</th>
                  <th scope="col">向导</th>
                  <th scope="col">中途离开</th>
                  <th scope="col">没有解决</th>
                </tr>
              </thead>
              <tbody>
                {report.exits.map((x) => (
                  <tr key={x.step}>
                    <td>
                      {x.question} <code className="muted">{x.step}</code>
                    </td>
                    <td>{x.wizard}</td>
                    <td>{x.abandoned}</td>
                    <td>{x.unsolved}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function share(pairs: readonly (readonly [number, number])[]): number | null {
  const total = pairs.reduce((sum, [, t]) => sum + t, 0);
  return total > 0 ? pairs.reduce((sum, [part]) => sum + part, 0) / total : null;
}

function Votes({ rate }: { rate: Rate }) {
  return (
    <>
      {percent(rate.rate)} <span className="muted">（{rate.yes} 是 / {rate.no} 否）</span>
    </>
  );
}

function EntryRow({ entry }: { entry: EntryInsight }) {
  const w = entry.wizard;
  return (
    <article className="insights-entry" aria-labelledby={`insight-${entry.id}`}>
      <h3 id={`insight-${entry.id}`}>
        <Link href={entryUrl(entry.id)}>{entry.title}</Link>
      </h3>
      <dl className="insights-facts">
        <div>
          <dt>解决了</dt>
          <dd>
            <Votes rate={entry.votes} />
          </dd>
        </div>
        <div>
          <dt>向导解决率</dt>
          <dd>
            {percent(w.solveRate)} <span className="muted">（解决 {w.solved} / 没解决 {w.unsolved} / 离开 {w.abandoned}）</span>
          </dd>
        </div>
        <div>
          <dt>从搜索打开</dt>
          <dd>{entry.opened}</dd>
        </div>
      </dl>
      {entry.causes.length > 0 ? (
        <div className="table-scroll">
          <table className="insights-table">
            <thead>
              <tr>
                <th scope="col">原因</th>
                <th scope="col">解决了</th>
                <th scope="col">在向导里解决</th>
                <th scope="col">顺序（作者）</th>
                <th scope="col">估计</th>
              </tr>
            </thead>
            <tbody>
              {entry.causes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={entryUrl(entry.id, c.id)}>{c.title}</Link>
                  </td>
                  <td>
                    <Votes rate={c.votes} />
                  </td>
                  <td>{c.solved}</td>
                  <td>
                    {c.position}（{c.authorPosition}）
                  </td>
                  <td>
                    {percent(c.estimate)}
                    {c.shownShare !== null ? <span className="muted"> · 实际 {percent(c.shownShare)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}
