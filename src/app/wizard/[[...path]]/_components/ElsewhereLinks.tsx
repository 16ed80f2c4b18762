import Link from "next/link";
import { KIND_LABEL } from "@/components/labels";
import type { Entry } from "@/content/schema";
import type { SearchHit } from "@/search/rank";
import { searchUrl, wizardUrl } from "@/urls";

/**
 * "都不是" and "not solved" are not dead ends: search, prefilled with what the user told the
 * wizard (with what it finds for that), and the other entries of the area, each a fresh start.
 */
export function ElsewhereLinks({ prefill, hits, others, scopeLabel }: { prefill: string; hits: readonly SearchHit[]; others: readonly Entry[]; scopeLabel: string | null }) {
  return (
    <div className="elsewhere">
      <form action={searchUrl()} method="get" className="wizard-search" role="search">
        <label htmlFor="elsewhere-q">用自己的话描述，或者粘贴屏幕上的报错再搜一次：</label>
        <div className="search-form">
          <input id="elsewhere-q" name="q" type="search" defaultValue={prefill} autoComplete="off" maxLength={20000} />
          <button type="submit">搜索</button>
        </div>
      </form>
      {hits.length > 0 ? (
        <section aria-labelledby="elsewhere-hits">
          <h2 id="elsewhere-hits">搜索找到的其他条目</h2>
          <EntryLinks entries={hits.map((h) => ({ id: h.id, title: h.title, kind: h.kind }))} />
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="elsewhere-others">
          <h2 id="elsewhere-others">{scopeLabel ? `「${scopeLabel}」里的其他条目` : "其他条目"}</h2>
          <EntryLinks entries={others} />
        </section>
      ) : null}
    </div>
  );
}

function EntryLinks({ entries }: { entries: readonly Pick<Entry, "id" | "title" | "kind">[] }) {
  return (
    <ul className="elsewhere-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Link href={wizardUrl({ start: entry.id, answers: [] })}>{entry.title}</Link> <span className={`kind kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
        </li>
      ))}
    </ul>
  );
}
