"use client";

import { useEffect, useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Copies `text` to the clipboard. Invisible until hydrated, since without JavaScript it could do
 * nothing (its space is kept, so nothing moves when it appears); the text itself is always
 * selectable on the page.
 */
export function CopyButton({ text, label = "复制" }: { text: string; label?: string }) {
  const ready = useHydrated();
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 1800);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("done");
    } catch {
      setState("failed");
    }
  };

  return (
    <button type="button" className="copy-button" onClick={copy} data-pending={!ready || undefined} aria-label={label}>
      <span aria-live="polite">{state === "done" ? "已复制" : state === "failed" ? "复制失败" : "复制"}</span>
    </button>
  );
}
