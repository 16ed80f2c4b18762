"use client";

import { useActionState, type ReactNode } from "react";
import { searchLog, type LogSearchState } from "../actions";
import { SearchResults } from "./SearchResults";

/**
 * The paste box for a whole log, posted to a server action (see ../actions.ts), and its answer;
 * `children` (the link to the one-line search) goes under the box.
 */
export function LogSearch({ initial, children }: { initial: LogSearchState; children: ReactNode }) {
  const [state, action, pending] = useActionState(searchLog, initial);
  return (
    <>
      <div className="search-modes">
        <form action={action} className="log-form">
          <label htmlFor="log-input">粘贴日志（可以是整段 docker logs 输出，只在本次搜索中使用，不会保存）</label>
          {/* Keyed by the answer, so the box shows the masked log that was searched once it comes back. */}
          <textarea key={state.query} id="log-input" name="q" rows={12} defaultValue={state.query} spellCheck={false} />
          <button type="submit" className="button" disabled={pending}>
            {pending ? "正在搜索…" : "按日志搜索"}
          </button>
        </form>
        {children}
      </div>
      {state.error ? (
        <p role="alert" className="notice notice-error">
          {state.error}
        </p>
      ) : null}
      {state.response ? <SearchResults response={state.response} wizardHrefs={state.wizardHrefs} /> : null}
    </>
  );
}
