"use client";

import { useId, useState } from "react";
import { CopyButton } from "@/components/CopyButton";
import { maskSecrets } from "@/search/secrets";
import { summaryAsMarkdown, summaryAsText, type Summary } from "@/wizard/summary-format";

export interface SupportDestination {
  readonly url: string | null;
  readonly email: string | null;
}

const MAILTO_BODY = 1500;

/**
 * The summary as text and Markdown, with two fields for the user's own notes and command output.
 * What they type stays in this page (no form, no request): it is masked like search input and
 * added to the two copies, which is all that the copy buttons and the mail link carry.
 */
export function SummaryEditor({ summary, destination }: { summary: Summary; destination: SupportDestination }) {
  const [notes, setNotes] = useState("");
  const [output, setOutput] = useState("");
  const id = useId();
  const text = summaryAsText(summary, { notes, output });
  const markdown = summaryAsMarkdown(summary, { notes, output });
  const masked = maskSecrets(notes) !== notes || maskSecrets(output) !== output;
  const body = text.length > MAILTO_BODY ? `${text.slice(0, MAILTO_BODY)}\n…（记录较长，完整内容请粘贴剪贴板里复制的纯文本）` : text;
  const mailto = destination.email ? `mailto:${destination.email}?subject=${encodeURIComponent("排障记录：需要技术支持")}&body=${encodeURIComponent(body)}` : null;
  return (
    <div className="summary-editor">
      <div className="summary-fields">
        <label htmlFor={`${id}-notes`}>补充说明（可选：什么时候开始的、改过什么）</label>
        <textarea id={`${id}-notes`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} spellCheck={false} />
        <label htmlFor={`${id}-output`}>命令输出（可选：把上面诊断命令的输出粘贴到这里）</label>
        <textarea id={`${id}-output`} rows={5} value={output} onChange={(e) => setOutput(e.target.value)} spellCheck={false} className="mono" />
        <p className="hint">
          这两栏只在这个页面里，不会发送到服务器；复制出去的内容里，看起来像密码、密钥、token 的部分会换成 <code>***</code>。
          {masked ? <strong className="masked-note"> 已经替换了你填写内容里的敏感信息。</strong> : null}
        </p>
      </div>
      <div className="summary-send">
        <p className="summary-destination">
          {destination.url || mailto ? "复制后发给技术支持：" : "复制后，发到你们平常联系技术支持的群或工单系统。"}
          {destination.url ? (
            <a href={destination.url} target="_blank" rel="noopener noreferrer" className="button">
              打开工单页面
            </a>
          ) : null}
          {mailto ? (
            <a href={mailto} className="button">
              发邮件给 {destination.email}
            </a>
          ) : null}
        </p>
        <div className="summary-copies">
          <div className="code-block">
            <span className="code-lang">纯文本（发到群里）</span>
            <pre tabIndex={0} data-testid="summary-text">
              {text}
            </pre>
            <CopyButton text={text} label="复制纯文本记录" />
          </div>
          <div className="code-block">
            <span className="code-lang">Markdown（贴到工单）</span>
            <pre tabIndex={0} data-testid="summary-markdown">
              {markdown}
            </pre>
            <CopyButton text={markdown} label="复制 Markdown 记录" />
          </div>
        </div>
      </div>
    </div>
  );
}
