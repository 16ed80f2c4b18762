import Link from "next/link";
import { wizardUrl } from "@/urls";
import { questionOf, type TrailItem } from "@/wizard/engine";

/**
 * The questions answered so far, folded away so the current question stays at the top of a small
 * screen; each answer can be changed, which goes back to that question with the answer marked.
 */
export function Trail({ trail }: { trail: readonly TrailItem[] }) {
  if (trail.length === 0) return null;
  return (
    <details className="wizard-trail">
      <summary>已回答的 {trail.length} 个问题</summary>
      <ol>
        {trail.map((item, i) => (
          <li key={i}>
            <span className="trail-question">{questionOf(item.position)}</span> <strong className="trail-answer">{item.answer.label}</strong>
            {item.fromLog ? (
              <span className="trail-log">
                日志第 {item.fromLog.line} 行：<code>{item.fromLog.text}</code>
              </span>
            ) : null}
            {item.state ? (
              <>
                {" "}
                <Link href={wizardUrl(item.state, { was: item.answer.key })} className="trail-change">
                  改这个答案
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
