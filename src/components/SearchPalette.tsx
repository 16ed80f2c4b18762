"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { SearchIndexData } from "@/search/index-data";
import type { SearchHit, SearchResponse, Searcher } from "@/search/rank";
import { Highlighted } from "./Highlighted";
import { KIND_LABEL } from "./labels";
import { useHydrated } from "./use-hydrated";
import { SEARCH_INDEX_URL, searchUrl } from "@/urls";

let searcherPromise: Promise<Searcher> | null = null;

/** The search code and the index are fetched on first use only, and then kept for the page's life. */
function loadSearcher(): Promise<Searcher> {
  searcherPromise ??= Promise.all([
    import("@/search/rank"),
    fetch(SEARCH_INDEX_URL).then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      // Our own build artefact, written by buildSearchIndex from validated content.
      return r.json() as Promise<SearchIndexData>;
    }),
  ]).then(([rank, data]) => rank.createSearcher(data));
  searcherPromise.catch(() => {
    searcherPromise = null;
  });
  return searcherPromise;
}

const DEBOUNCE_MS = 120;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The search palette (Ctrl/⌘+K or `/`): results as you type, searched in the browser — pasted
 * text never leaves it. Waits for a Chinese IME to finish composing before it searches.
 */
export function SearchPalette() {
  const ready = useHydrated();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [query, setQuery] = useState("");
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const [active, setActive] = useState(0);
  const listId = useId();

  const hits: SearchHit[] = response ? [...response.results, ...response.suggestions] : [];

  const run = useCallback((text: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (text.trim() === "") {
      setResponse(null);
      return;
    }
    timer.current = setTimeout(() => {
      setStatus("loading");
      loadSearcher()
        .then((searcher) => {
          setResponse(searcher.search(text, { limit: 8 }));
          setActive(0);
          setStatus("idle");
        })
        .catch(() => setStatus("error"));
    }, DEBOUNCE_MS);
  }, []);

  const open = useCallback(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    input.current?.focus();
    input.current?.select();
    void loadSearcher().catch(() => setStatus("error"));
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const palette = (event.key === "k" || event.key === "K") && (event.metaKey || event.ctrlKey);
      if (palette || (event.key === "/" && !isTyping(event.target))) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const go = (url: string) => {
    dialog.current?.close();
    router.push(url);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || composing.current) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, Math.max(0, hits.length - 1)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      go(hit ? hit.url : searchUrl({ q: query }));
    }
  };

  return (
    <>
      <button type="button" className="palette-button" onClick={open} data-pending={!ready || undefined} aria-keyshortcuts="Control+K Meta+K /">
        快速搜索 <kbd>Ctrl K</kbd>
      </button>
      <dialog ref={dialog} className="palette" aria-label="快速搜索" onClick={(e) => e.target === dialog.current && dialog.current?.close()}>
        <div className="palette-box">
          <input
            ref={input}
            type="search"
            className="palette-input"
            placeholder="输入或粘贴报错，↑↓ 选择，回车打开"
            aria-label="快速搜索报错或问题"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
            autoComplete="off"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (!composing.current) run(e.target.value);
            }}
            onCompositionStart={() => {
              composing.current = true;
            }}
            onCompositionEnd={(e) => {
              composing.current = false;
              run(e.currentTarget.value);
            }}
            onKeyDown={onKeyDown}
          />
          <p className="palette-status" aria-live="polite">
            {status === "loading" && !response
              ? "正在加载索引…"
              : status === "error"
                ? "搜索索引加载失败，请回车使用完整搜索页。"
                : response?.neighbour && !response.confident && query.trim() !== ""
                  ? `这看起来是「${response.neighbour.title}」，本知识库的条目修不了它。回车到搜索页看该去哪里查。`
                  : response && !response.confident && query.trim() !== ""
                  ? "没有足够匹配的条目，下面是可能相关的内容；也可以回车到搜索页或使用引导式排查。"
                  : "在浏览器本地搜索，输入的内容不会发送到服务器。"}
          </p>
          <ul id={listId} role="listbox" className="palette-results" aria-label="搜索结果">
            {hits.map((hit, i) => (
              <li
                key={hit.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? "palette-hit active" : "palette-hit"}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(hit.url)}
              >
                <span className={`kind kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>{" "}
                <span className="palette-title">
                  <Highlighted text={hit.title} terms={hit.matched} />
                </span>
                <span className="palette-meta">
                  {hit.areaLabel} · {hit.systemLabel}
                  {hit.causeTitle ? ` · 原因：${hit.causeTitle}` : ""}
                  {hit.line !== undefined ? ` · 第 ${hit.line} 行` : ""}
                  {response && !response.results.includes(hit) ? " · 可能相关" : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </dialog>
    </>
  );
}
