"use client";

import { useSyncExternalStore } from "react";
import { useHydrated } from "./use-hydrated";

type Theme = "light" | "dark";
const KEY = "theme";

/**
 * Switches between light and dark and remembers the choice; until the user chooses, the page
 * follows the system. `public/theme.js` applies a stored choice before first paint.
 */
export function ThemeToggle() {
  const ready = useHydrated();
  const theme = useSyncExternalStore(subscribe, current, () => "light" as Theme);
  const next: Theme = theme === "dark" ? "light" : "dark";
  const toggle = () => {
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage can be disabled; the choice then lasts for this page only.
    }
    document.documentElement.dataset.theme = next;
    window.dispatchEvent(new Event("themechange"));
  };
  return (
    <button type="button" className="theme-toggle" onClick={toggle} data-pending={!ready || undefined} aria-label={next === "dark" ? "切换到深色模式" : "切换到浅色模式"}>
      {theme === "dark" ? "☀︎ 浅色" : "☾ 深色"}
    </button>
  );
}

function current(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", onChange);
  window.addEventListener("themechange", onChange);
  return () => {
    media.removeEventListener("change", onChange);
    window.removeEventListener("themechange", onChange);
  };
}
