"use client";

import { useEffect, useRef } from "react";

// Set once the first page of this document has rendered: a fresh page load keeps the browser's
// own focus handling; only moves inside the wizard take focus to the new question.
let loaded = false;

/**
 * After each step, moves focus to the new question and announces it ("第 3 步：…"), so that a
 * keyboard or screen-reader user lands on what changed instead of at the top of the page.
 */
export function StepFocus({ stepKey, announcement }: { stepKey: string; announcement: string }) {
  const region = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!loaded) {
      loaded = true;
      return;
    }
    document.getElementById("step-question")?.focus();
    // The live region is outside React's output on purpose: only a change of its text is announced.
    if (region.current) region.current.textContent = announcement;
  }, [stepKey, announcement]);
  return <p ref={region} className="visually-hidden" role="status" aria-live="polite" data-testid="step-announcer" />;
}
