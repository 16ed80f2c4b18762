import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { EntryList } from "@/components/EntryList";
import { getKnowledgeGraph } from "@/content";
import { entriesIn, getArea, getSystem } from "@/content/graph";
import { taxonomyUrl } from "@/urls";

interface Props {
  params: Promise<{ slug: string }>;
}

/** The area and system listing routes are the same page over a different taxonomy. */
export function taxonomyRoute(by: "area" | "system") {
  const find = by === "area" ? getArea : getSystem;
  return {
    async generateStaticParams() {
      const graph = await getKnowledgeGraph();
      const items = by === "area" ? graph.taxonomy.areas : graph.taxonomy.systems;
      return items.filter((item) => entriesIn(graph, by, item.slug).length > 0).map((item) => ({ slug: item.slug }));
    },

    async generateMetadata({ params }: Props): Promise<Metadata> {
      const item = find(await getKnowledgeGraph(), (await params).slug);
      return item ? { title: item.label, description: `${item.label}：${item.description}`, alternates: { canonical: taxonomyUrl(by, item.slug) } } : {};
    },

    async Page({ params }: Props) {
      const { slug } = await params;
      const graph = await getKnowledgeGraph();
      const item = find(graph, slug);
      if (!item) notFound();
      const entries = entriesIn(graph, by, slug);
      return (
        <>
          <Breadcrumbs items={[{ href: taxonomyUrl(by, slug), label: item.label }]} />
          <h1>{item.label}</h1>
          <p className="lead">
            {item.description}。共 {entries.length} 个条目。
          </p>
          <EntryList entries={entries} />
        </>
      );
    },
  };
}
