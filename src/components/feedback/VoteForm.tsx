"use client";

import { useId, useState, type FormEvent } from "react";
import { FEEDBACK_API } from "@/urls";
import "./feedback.css";

/**
 * "这篇解决了你的问题吗？" for an entry, or the same question for one cause. A plain form that
 * posts to /api/feedback, so that it works without JavaScript (the answer page thanks the reader);
 * with JavaScript it posts with fetch and thanks in place, then offers the reason box to someone
 * who said no. The reason is masked on the server before it is stored.
 */
const MAX_REASON = 500;

type State = { kind: "idle" } | { kind: "sending" } | { kind: "done"; helpful: boolean; reasoned: boolean } | { kind: "failed"; message: string };

export function VoteForm({
  entry,
  cause,
  question,
  yes = "解决了",
  no = "没有解决",
  reasonOpen = false,
}: {
  entry: string;
  cause?: string;
  question: string;
  yes?: string;
  no?: string;
  /** Show the reason box open (on the page that asks for a reason). */
  reasonOpen?: boolean;
}) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [reason, setReason] = useState("");
  const id = useId();

  async function send(helpful: boolean, withReason: string): Promise<boolean> {
    setState({ kind: "sending" });
    try {
      const response = await fetch(FEEDBACK_API, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ entry, ...(cause ? { cause } : {}), helpful, ...(withReason.trim() ? { reason: withReason.trim() } : {}) }),
      });
      if (response.status === 202) {
        setState({ kind: "done", helpful, reasoned: withReason.trim() !== "" });
        return true;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setState({ kind: "failed", message: body?.error?.message ?? "没有发送成功，请稍后再试。" });
    } catch {
      setState({ kind: "failed", message: "网络错误，没有发送成功。" });
    }
    return false;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (state.kind === "done") {
      void send(state.helpful, reason);
      return;
    }
    void send(submitter?.value !== "no", reason);
  }

  const done = state.kind === "done";
  return (
    <form method="post" action={FEEDBACK_API} className={`vote${cause ? " vote-cause" : ""}`} onSubmit={onSubmit} aria-labelledby={`${id}-q`}>
      <input type="hidden" name="entry" value={entry} />
      {cause ? <input type="hidden" name="cause" value={cause} /> : null}
      <div className="vote-row">
        <span id={`${id}-q`} className="vote-question">
          {question}
        </span>
        {done ? (
          <span role="status" className="vote-thanks">
            {state.reasoned ? "谢谢，已经记下你的说明。" : "谢谢你的反馈！"}
          </span>
        ) : (
          <span className="vote-buttons">
            <button type="submit" name="helpful" value="yes" className="vote-button" disabled={state.kind === "sending"}>
              {yes}
            </button>
            <button type="submit" name="helpful" value="no" className="vote-button" disabled={state.kind === "sending"}>
              {no}
            </button>
          </span>
        )}
      </div>
      {done && (state.helpful || state.reasoned) ? null : (
        <details className="vote-reason" open={reasonOpen || (done && !state.helpful) ? true : undefined}>
          <summary>{done ? "可以说说哪里没解决吗？（可选）" : "补充说明（可选）"}</summary>
          <label htmlFor={`${id}-reason`} className="vote-reason-label">
            最多 {MAX_REASON} 字。不要填写密码、密钥或个人信息；像密钥的内容会被打码后再保存。
          </label>
          <textarea id={`${id}-reason`} name="reason" maxLength={MAX_REASON} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          {done ? (
            <button type="submit" className="vote-button" disabled={reason.trim() === ""}>
              发送说明
            </button>
          ) : null}
        </details>
      )}
      {state.kind === "failed" ? (
        <p role="alert" className="vote-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
