import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { ChecklistStore } from "@/components/ChecklistStore";
import { VoteForm } from "@/components/feedback/VoteForm";
import { KIND_LABEL } from "@/components/labels";
import { SignatureList } from "@/components/SignatureList";
import { getKnowledgeGraph } from "@/content";
import { getArea, getEntry, getSystem, upstreamSources } from "@/content/graph";
import { absoluteUrl } from "@/config/env";
import { entryJsonLd, serializeJsonLd } from "@/render/json-ld";
import { Markdown } from "@/render/Markdown";
import { EditLink } from "./_components/EditLink";
import { EntryBody } from "./_components/EntryBody";
import { TableOfContents, tocItems } from "./_components/TableOfContents";
import { areaUrl, entryUrl, systemUrl, wizardKey, wizardUrl } from "@/urls";

interface Props {
  params: Promise<{ id: string }>;
}

export const dynamicParams = false;

export async function generateStaticParams() {
  const graph = await getKnowledgeGraph();
  return graph.entries.map((entry) => ({ id: entry.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = getEntry(await getKnowledgeGraph(), (await params).id);
  if (!entry) return {};
  return {
    title: entry.title,
    description: entry.summary,
    alternates: { canonical: entryUrl(entry.id) },
    openGraph: { type: "article", title: entry.title, description: entry.summary, modifiedTime: entry.updated, url: entryUrl(entry.id) },
  };
}

export default async function EntryPage({ params }: Props) {
  const { id } = await params;
  const graph = await getKnowledgeGraph();
  const entry = getEntry(graph, id);
  if (!entry) notFound();
  const area = getArea(graph, entry.area);
  const system = getSystem(graph, entry.system);
  const related = entry.related.flatMap((rid) => getEntry(graph, rid) ?? []);
  const toc = tocItems(entry);
  const jsonLd = serializeJsonLd(entryJsonLd(entry, absoluteUrl(entryUrl(entry.id)), area?.label ?? entry.area));
  return (
    <>
      {/* Structured data: JSON with "<" escaped, built from validated content — not HTML. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <Breadcrumbs
        items={[
          ...(area ? [{ href: areaUrl(area.slug), label: area.label }] : []),
          ...(system ? [{ href: systemUrl(system.slug), label: system.label }] : []),
        ]}
      />
      <article className={`entry entry-${entry.kind}`} aria-labelledby="entry-title">
        <header className="entry-header">
          <span className={`kind kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
          <h1 id="entry-title">{entry.title}</h1>
          <p className="lead">{entry.summary}</p>
          <p className="entry-meta">
            更新于 <time dateTime={entry.updated}>{entry.updated}</time>
            {upstreamSources(graph, entry).map((source) => (
              <span key={source.slug}>
                {" · "}来源：
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
              </span>
            ))}
          </p>
          <SignatureList signatures={entry.signatures} />
        </header>
        {entry.kind === "problem" ? (
          <p className="wizard-cta">
            <Link className="button" href={wizardUrl({ start: wizardKey(entry.id), answers: [] })}>
              逐步排查这个问题
            </Link>{" "}
            <span className="muted">按原因逐个回答「是 / 否」，直到找到解决办法</span>
          </p>
        ) : null}
        {toc.length >= 4 ? <TableOfContents items={toc} /> : null}
        {entry.intro ? <Markdown blocks={entry.intro} /> : null}
        <EntryBody entry={entry} />
        <VoteForm entry={entry.id} question="这篇解决了你的问题吗？" />
        {related.length > 0 ? (
          <aside className="related" aria-labelledby="related-title">
            <h2 id="related-title">相关条目</h2>
            <ul>
              {related.map((r) => (
                <li key={r.id}>
                  <Link href={entryUrl(r.id)}>{r.title}</Link>
                  <span className={`kind kind-${r.kind}`}>{KIND_LABEL[r.kind]}</span>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
        <EditLink entry={entry} />
      </article>
      {entry.kind === "guide" ? <ChecklistStore entryId={entry.id} /> : null}
    </>
  );
}
