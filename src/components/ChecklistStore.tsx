"use client";

import { useEffect } from "react";

/**
 * Keeps the ticks of an entry's checklist in localStorage, keyed by entry id, so that a user
 * working through a guide can come back to it. The checkboxes themselves are plain HTML and work
 * (without being remembered) when JavaScript is off.
 */
export function ChecklistStore({ entryId }: { entryId: string }) {
  useEffect(() => {
    const key = `checklist:${entryId}`;
    const boxes = [...document.querySelectorAll<HTMLInputElement>("input[type=checkbox][data-task]")];
    let saved: unknown = null;
    try {
      saved = JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      saved = null;
    }
    if (Array.isArray(saved)) {
      for (const box of boxes) box.checked = saved.includes(Number(box.dataset.task));
    }
    const onChange = () => {
      const ticked = boxes.filter((b) => b.checked).map((b) => Number(b.dataset.task));
      try {
        localStorage.setItem(key, JSON.stringify(ticked));
      } catch {
        // Storage can be disabled; ticks then last for this page only.
      }
    };
    for (const box of boxes) box.addEventListener("change", onChange);
    return () => {
      for (const box of boxes) box.removeEventListener("change", onChange);
    };
  }, [entryId]);
  return null;
}
