import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/SearchForm";
import { getKnowledgeGraph } from "@/content";
import { entriesIn } from "@/content/graph";

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
          说不清是什么问题？<Link className="button" href="/wizard">开始引导式排查</Link>
        </p>
      </section>

      <section aria-labelledby="areas" className="home-section">
        <h2 id="areas">按领域浏览</h2>
        <ul className="tile-grid">
          {areas
            .filter((a) => a.count > 0)
            .map((area) => (
              <li key={area.slug}>
                <Link href={`/area/${area.slug}`} className="tile">
                  <span className="tile-title">{area.label}</span>
                  <span className="count" aria-label={`${area.count} 个条目`}>
                    {area.count}
                  </span>
                  <span className="tile-desc">{area.description}</span>
                </Link>
              </li>
            ))}
        </ul>
      </section>

      <section aria-labelledby="systems" className="home-section">
        <h2 id="systems">按系统浏览</h2>
        <ul className="tile-grid tile-grid-compact">
          {systems
            .filter((s) => s.count > 0)
            .map((system) => (
              <li key={system.slug}>
                <Link href={`/system/${system.slug}`} className="tile">
                  <span className="tile-title">{system.label}</span>
                  <span className="count" aria-label={`${system.count} 个条目`}>
                    {system.count}
                  </span>
                  <span className="tile-desc">{system.description}</span>
                </Link>
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}
