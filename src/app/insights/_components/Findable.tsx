import Link from "next/link";
import { CopyButton } from "@/components/CopyButton";
import type { KnowledgeGraph } from "@/content/graph";
import { findableChange } from "@/feedback/findable-server";
import type { FailedSearchDetail } from "@/feedback/insights";
import { INSIGHTS_PAGE, insightsUrl } from "@/urls";
import { entryUrl } from "@/urls";

const REASONS = {
  "no-frontmatter": "这个文件没有 front matter。",
  "invalid-frontmatter": "这个文件的 front matter 不是合法的 YAML，请先运行 npm run content:check。",
  "already-listed": "这个条目已经有这条签名了。",
  "empty-signature": "签名不能为空。",
  "unexpected-shape": "这个文件的 signatures 不是列表，请手动添加。",
} as const;

/**
 * "Make this findable" for one group of failed searches: pick the entry that answers it, adjust
 * the signature, and get the change to that entry's Markdown file as a diff to copy. The page
 * reads the file and never writes it: content changes go through git like any other.
 */
export async function Findable({
  graph,
  detail,
  entry,
  signature,
}: {
  graph: KnowledgeGraph;
  detail: FailedSearchDetail;
  entry: string | undefined;
  signature: string | undefined;
}) {
  const chosen = entry ? graph.byId.get(entry) : undefined;
  const wanted = signature ?? detail.candidate;
  const result = chosen ? await findableChange(graph, chosen.id, wanted, detail.example) : null;
  const suggested = detail.suggested.flatMap((id) => graph.byId.get(id) ?? []);
  const areas = graph.taxonomy.areas.map((area) => ({ area, entries: graph.entries.filter((e) => e.area === area.slug) })).filter((a) => a.entries.length > 0);

  return (
    <section id="findable" className="insights-findable" aria-labelledby="findable-title">
      <h3 id="findable-title">让这类搜索能找到答案</h3>
      <p>
        <code className="insights-template">{detail.template}</code> <span className="muted">· {detail.count} 次没有找到</span>
      </p>
      <p className="muted">最近一次的搜索内容（已打码）：</p>
      <pre className="insights-example">{detail.example}</pre>
      <form method="get" action={INSIGHTS_PAGE} className="insights-findable-form">
        <input type="hidden" name="template" value={detail.template} />
        <label htmlFor="findable-entry">哪个条目回答了它？</label>
        <select id="findable-entry" name="entry" defaultValue={chosen?.id ?? ""} required>
          <option value="" disabled>
            选择条目
          </option>
          {suggested.length > 0 ? (
            <optgroup label="搜索时给出过的建议">
              {suggested.map((e) => (
                <option key={`s-${e.id}`} value={e.id}>
                  {e.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {areas.map(({ area, entries }) => (
            <optgroup key={area.slug} label={area.label}>
              {entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor="findable-signature">要加的签名（用户会看到、会粘贴的原文，可以修改）</label>
        <input id="findable-signature" name="signature" defaultValue={wanted} maxLength={300} required />
        <button type="submit" className="button">
          生成改动
        </button>
      </form>

      {chosen && result ? (
        result.change.ok ? (
          <div className="insights-diff">
            <p>
              给 <Link href={entryUrl(chosen.id)}>{chosen.title}</Link> 加上这条签名：把下面的改动应用到 <code>{result.file}</code>
              （例如存为 <code>findable.patch</code> 后运行 <code>git apply findable.patch</code>），再运行 <code>npm run content:check</code>。
              知识库不会自己修改 <code>content/</code>。
            </p>
            {result.alsoOn.length > 0 ? (
              <p role="note" className="notice">
                注意：条目 {result.alsoOn.join("、")} 已经有同样的签名，content:check 会给出警告。
              </p>
            ) : null}
            {!result.matchesExample ? (
              <p role="note" className="notice">
                注意：最近一次的搜索内容并不包含这条签名（按搜索的规则归一化后比较），加上以后这类搜索仍可能找不到。
              </p>
            ) : null}
            <div className="code-block">
              <CopyButton text={result.change.diff} label="复制改动" />
              <pre aria-label="front matter 的改动">
                <code>
                  {result.change.diff.split("\n").map((line, i) => (
                    <span key={i} className={line.startsWith("+") && !line.startsWith("+++") ? "diff-add" : line.startsWith("-") && !line.startsWith("---") ? "diff-del" : undefined}>
                      {line}
                      {"\n"}
                    </span>
                  ))}
                </code>
              </pre>
            </div>
          </div>
        ) : (
          <p role="alert" className="notice notice-error">
            {REASONS[result.change.reason]}
          </p>
        )
      ) : null}
      <p>
        <Link href={insightsUrl({}, "failed-searches")}>收起</Link>
      </p>
    </section>
  );
}
