import { env } from "@/config/env";
import { getKnowledgeGraph } from "@/content";
import { getWizardGraph } from "@/wizard/server";
import { ADMIN_COOKIE, checkAccess, type Access } from "./admin";
import { cookieValue } from "./http";
import { buildInsights, type InsightsReport } from "./insights";
import { feedback } from "./server";
import { withDeadline } from "./storage";

/** Access and data for the insights page and API, which share both. */
export function insightsAccess(headers: Headers): Access {
  return checkAccess(env().ADMIN_TOKEN, {
    authorization: headers.get("authorization"),
    cookie: cookieValue(headers.get("cookie"), ADMIN_COOKIE),
  });
}

export type ReportResult = { ok: true; report: InsightsReport } | { ok: false; reason: string };

/** The report, or why the database cannot give it now (it may be down or slow: never wait long). */
export async function loadInsights(): Promise<ReportResult> {
  const service = feedback();
  const storage = service.storage();
  const state = service.state();
  if (!storage || state.status === "down") {
    return { ok: false, reason: state.status === "starting" ? "数据库正在启动" : `数据库不可用：${"reason" in state ? state.reason : state.status}` };
  }
  try {
    const [graph, wizards] = await Promise.all([getKnowledgeGraph(), getWizardGraph()]);
    return { ok: true, report: await withDeadline(buildInsights(storage.db, graph, wizards), 15_000) };
  } catch (error) {
    return { ok: false, reason: `读取数据失败：${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
  }
}
