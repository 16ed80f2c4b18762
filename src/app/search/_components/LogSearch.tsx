"use client";

import { useActionState, type ReactNode } from "react";
import { SearchOpenTracker } from "@/components/feedback/SearchOpenTracker";
import { searchLog, type LogSearchState } from "../actions";
import { RESULTS_ID, SearchResults } from "./SearchResults";

/**
 * The paste box for a whole log, posted to a server action (see ../actions.ts), and its answer;
 * `children` (the link to the one-line search) goes under the box. `tracker` watches the results
 * of the page's own search; an answer of the action brings the id its search was recorded under.
 */
export function LogSearch({ initial, tracker, children }: { initial: LogSearchState; tracker: ReactNode; children: ReactNode }) {
  const [state, action, pending] = useActionState(searchLog, initial);
  const watching =
    state === initial ? tracker : state.searchId && state.response ? (
      <SearchOpenTracker searchId={state.searchId} shown={[...state.response.results, ...state.response.suggestions].map((hit) => hit.id)} containerId={RESULTS_ID} />
    ) : null;
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
      {state.response ? <SearchResults response={state.response} wizardHrefs={state.wizardHrefs} tracker={watching} /> : null}
    </>
  );
}
