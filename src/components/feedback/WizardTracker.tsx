"use client";

import { useEffect } from "react";
import { EVENTS_API } from "@/urls";

/**
 * Ties the steps of one wizard walk together with a random id kept in sessionStorage, puts it in
 * the ending forms (WizardAnswer), and records "abandoned" at this step when the page is hidden
 * before the walk ended. A walk that goes on later replaces that record with its real ending.
 * Without JavaScript, abandonment is simply not recorded.
 */
const KEY = "kb:wizard-run";

export function WizardTracker({ path, start, first, ended }: { path: string; start: string; first: boolean; ended: boolean }) {
  useEffect(() => {
    let run: { id: string; start: string } | null = null;
    try {
      run = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as { id: string; start: string } | null;
    } catch {
      run = null;
    }
    if (!run || run.start !== start || first) {
      run = { id: crypto.randomUUID().replace(/-/g, ""), start };
      try {
        sessionStorage.setItem(KEY, JSON.stringify(run));
      } catch {
        // Storage can be disabled: the id then lasts for this page only.
      }
    }
    const id = run.id;
    for (const input of document.querySelectorAll<HTMLInputElement>("input[data-wizard-run]")) input.value = id;
    if (ended) return;
    const onHide = () => {
      if (document.visibilityState !== "hidden") return;
      const body = JSON.stringify({ type: "wizard", outcome: "abandoned", path, run: id });
      navigator.sendBeacon(EVENTS_API, new Blob([body], { type: "application/json" }));
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [path, start, first, ended]);
  return null;
}
