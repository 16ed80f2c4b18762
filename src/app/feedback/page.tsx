import type { Metadata } from "next";
import Link from "next/link";
import { VoteForm } from "@/components/feedback/VoteForm";
import { getKnowledgeGraph } from "@/content";
import { entryUrl } from "@/urls";

export const metadata: Metadata = { title: "反馈", robots: { index: false, follow: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const RESULTS: Record<string, { title: string; text: string }> = {
  ok: { title: "谢谢你的反馈", text: "已经记下了。它会帮助维护的人知道哪些内容需要改进。" },
  invalid: { title: "这条反馈没有记下", text: "提交的内容不完整或条目已经不存在。" },
  rate_limited: { title: "提交太频繁", text: "请稍后再试。" },
  storage_unavailable: { title: "暂时无法保存反馈", text: "反馈数据库暂时不可用。条目和搜索不受影响，请稍后再试。" },
  storage_slow: { title: "暂时无法保存反馈", text: "反馈数据库响应太慢。条目和搜索不受影响，请稍后再试。" },
  storage_busy: { title: "暂时无法保存反馈", text: "同时提交的反馈太多，请稍后再试。" },
};

/**
 * Where a vote sent without JavaScript lands (POST /api/feedback redirects here): thanks, or
 * what went wrong, and for a "no" the chance to say why.
 */
export default async function FeedbackPage({ searchParams }: Props) {
  const params = await searchParams;
  const result = RESULTS[one(params.result) ?? ""] ?? RESULTS.invalid!;
  const graph = await getKnowledgeGraph();
  const entry = graph.byId.get(one(params.entry) ?? "");
  const causeId = one(params.cause);
  const cause = entry?.kind === "problem" ? entry.causes.find((c) => c.id === causeId) : undefined;
  const askReason = one(params.result) === "ok" && one(params.helpful) === "no" && one(params.noted) !== "1" && entry;
  return (
    <div className="feedback-page">
      <h1>{result.title}</h1>
      <p className="lead">{result.text}</p>
      {askReason ? (
        <VoteForm
          entry={entry.id}
          {...(cause ? { cause: cause.id } : {})}
          question={cause ? `「${cause.title}」没有解决问题？` : "这篇没有解决你的问题？"}
          yes="改成「解决了」"
          no="补充说明后提交"
          reasonOpen
        />
      ) : null}
      {entry ? (
        <p>
          <Link href={entryUrl(entry.id, cause?.id)}>回到「{cause?.title ?? entry.title}」</Link>
        </p>
      ) : (
        <p>
          <Link href="/">回到首页</Link>
        </p>
      )}
    </div>
  );
}
