import { getKnowledgeGraph } from "@/content";
import { entriesIn } from "@/content/graph";

export default async function HomePage() {
  const graph = await getKnowledgeGraph();
  return (
    <main>
      <h1>排障知识库</h1>
      <p className="muted">共 {graph.entries.length} 个条目。按领域浏览：</p>
      {graph.taxonomy.areas.map((area) => {
        const entries = entriesIn(graph, "area", area.slug);
        if (entries.length === 0) return null;
        return (
          <section key={area.slug} aria-labelledby={`area-${area.slug}`}>
            <h2 id={`area-${area.slug}`}>
              {area.label} <span className="muted">（{entries.length}）</span>
            </h2>
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>
                  <strong>{entry.title}</strong>
                  <br />
                  <span className="muted">{entry.summary}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
