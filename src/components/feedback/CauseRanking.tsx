"use client";
import "./feedback.css";

import { useEffect, useState } from "react";
import { causeAnchor, causeOrderApiUrl } from "@/urls";

interface Ranking {
  readonly order: readonly string[];
  readonly reordered: boolean;
  readonly causes: readonly { readonly id: string; readonly text?: string }[];
}

/**
 * Above an article's causes: once readers' votes and wizard outcomes say that the causes are met
 * in another order than the author's, or how often each one was the fix, says so, with links to
 * the causes. The article itself keeps the author's order (it is prerendered and cached); the
 * wizard asks in the learned order. Shows nothing until there is something to say.
 */
export function CauseRanking({ entry, titles }: { entry: string; titles: Readonly<Record<string, string>> }) {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(causeOrderApiUrl(entry), { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Ranking>) : null))
      .then((data) => setRanking(data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [entry]);

  if (!ranking || (!ranking.reordered && ranking.causes.every((c) => !c.text))) return null;
  const texts = new Map(ranking.causes.map((c) => [c.id, c.text]));
  return (
    <aside className="cause-ranking" aria-labelledby={`ranking-${entry}`}>
      <p id={`ranking-${entry}`} className="cause-ranking-title">
        根据读者的反馈和引导式排查的结果，遇到这个问题的人最常见的原因依次是：
      </p>
      <ol>
        {ranking.order.map((id) => (
          <li key={id}>
            <a href={`#${causeAnchor(id)}`}>{titles[id] ?? id}</a>
            {texts.get(id) ? <span className="muted"> · {texts.get(id)}</span> : null}
          </li>
        ))}
      </ol>
    </aside>
  );
}
