import type { Entry } from "@/content/schema";
import { causeRanking } from "@/feedback/cause-order";
import { evidenceText } from "@/feedback/rerank";
import "./feedback.css";

/** "这个原因解决了 63% 遇到这个问题的人（41 次）", once a cause has enough evidence; else nothing. */
export function CauseEvidence({ entry, cause }: { entry: Entry | undefined; cause: string }) {
  if (entry?.kind !== "problem") return null;
  const shown = causeRanking(entry).causes.find((c) => c.id === cause)?.shown;
  return shown ? <p className="cause-evidence">{evidenceText(shown)}</p> : null;
}
