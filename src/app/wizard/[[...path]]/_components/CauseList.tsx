import Link from "next/link";
import { entryUrl } from "@/urls";
import type { Problem } from "@/content/schema";
import { causeRows, type CauseRow } from "@/wizard/diagram";
import type { Walk } from "@/wizard/engine";

const STATE_LABEL: Record<CauseRow["state"], string> = {
  open: "待检查",
  confirmed: "已确认",
  "ruled-out": "已排除",
  "fix-failed": "处理过，没解决",
  unconfirmed: "未确认",
  solved: "已解决",
};

/** The problem's causes top to bottom, in the order the wizard asks them, with what this path settled. */
export function CauseList({ walk, problem }: { walk: Pick<Walk, "statuses" | "position">; problem: Problem }) {
  const rows = causeRows(walk, problem);
  return (
    <figure className="cause-map" aria-labelledby="cause-map-title">
      <figcaption id="cause-map-title">排查路线：{problem.title}</figcaption>
      <ol>
        {rows.map((row) => (
          <li key={row.id} className={`cause-row state-${row.state}${row.current ? " current" : ""}`} aria-current={row.current ? "step" : undefined}>
            <Link href={entryUrl(problem.id, row.id)}>{row.title}</Link>
            <span className="cause-state">
              {row.current && row.state === "open" ? "正在检查" : STATE_LABEL[row.state]}
              {row.by === "log" ? "（日志）" : row.by === "flow" ? "（前面的回答）" : ""}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
