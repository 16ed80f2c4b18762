import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/SearchForm";
import { getKnowledgeGraph } from "@/content";
import { entriesIn } from "@/content/graph";
import { areaUrl, systemUrl, WIZARD_HOME } from "@/urls";

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function HomePage() {
  const graph = await getKnowledgeGraph();
  const areas = graph.taxonomy.areas.map((area) => ({ ...area, count: entriesIn(graph, "area", area.slug).length }));
  const systems = graph.taxonomy.systems.map((system) => ({ ...system, count: entriesIn(graph, "system", system.slug).length }));
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">遇到报错了？</h1>
        <p className="lead">把屏幕上或日志里的报错粘贴进来，直接找到原因和解决办法。</p>
        <SearchForm id="home-search" large />
        <p className="hint">
          支持一句报错、一个错误码（如 <code>40001</code>）、中文描述，或者整段 <code>docker logs</code> 输出。
        </p>
        <p className="wizard-cta">
          说不清是什么问题？<Link className="button" href={WIZARD_HOME}>开始引导式排查</Link>
        </p>
      </section>

      <TileSection id="areas" title="按领域浏览" href={areaUrl} items={areas} />
      <TileSection id="systems" title="按系统浏览" href={systemUrl} items={systems} compact />
    </>
  );
}

interface Tile {
  readonly slug: string;
  readonly label: string;
  readonly description: string;
  readonly count: number;
}

function TileSection({ id, title, href, items, compact = false }: { id: string; title: string; href: (slug: string) => string; items: readonly Tile[]; compact?: boolean }) {
  return (
    <section aria-labelledby={id} className="home-section">
      <h2 id={id}>{title}</h2>
      <ul className={compact ? "tile-grid tile-grid-compact" : "tile-grid"}>
        {items
          .filter((item) => item.count > 0)
          .map((item) => (
            <li key={item.slug}>
              <Link href={href(item.slug)} className="tile">
                <span className="tile-title">{item.label}</span>
                <span className="count" aria-label={`${item.count} 个条目`}>
                  {item.count}
                </span>
                <span className="tile-desc">{item.description}</span>
              </Link>
            </li>
          ))}
      </ul>
    </section>
  );
}
