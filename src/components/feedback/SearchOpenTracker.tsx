"use client";

import { useEffect } from "react";
import { EVENTS_API, parseEntryUrl } from "@/urls";

/**
 * Tells the server which result of a recorded search was opened: a click on a link to an entry
 * inside `containerId` sends `{"type": "search_open"}` to /api/events with navigator.sendBeacon,
 * which survives the page being left. Without JavaScript nothing is sent.
 */
export function SearchOpenTracker({ searchId, shown, containerId }: { searchId: string; shown: readonly string[]; containerId: string }) {
  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      const href = link?.getAttribute("href");
      const ref = href ? parseEntryUrl(href) : null;
      if (!ref) return;
      const rank = shown.indexOf(ref.id);
      const body = JSON.stringify({ type: "search_open", search: searchId, entry: ref.id, rank: rank < 0 ? shown.length : rank });
      navigator.sendBeacon(EVENTS_API, new Blob([body], { type: "application/json" }));
    };
    container.addEventListener("click", onClick);
    return () => container.removeEventListener("click", onClick);
  }, [searchId, shown, containerId]);
  return null;
}
