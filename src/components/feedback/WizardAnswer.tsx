import Link from "next/link";
import type { ReactNode } from "react";
import { EVENTS_API } from "@/urls";
import "./feedback.css";

/**
 * One answer of a wizard step. An answer that ends the walk (solved, or all causes ruled out) is a
 * small form that posts the ending to /api/events, which records it and sends the browser on to
 * the same step a link would: the ending is recorded with or without JavaScript, and never by a
 * crawler following links. The walk's random id is filled in by WizardTracker when scripts run.
 */
export function WizardAnswer({
  href,
  ending,
  className,
  current = false,
  children,
}: {
  href: string;
  ending: "solved" | "unsolved" | null;
  className: string;
  /** The answer given last time, when the user came back to change it. */
  current?: boolean;
  children: ReactNode;
}) {
  if (!ending) {
    return (
      <Link className={className} href={href} aria-current={current ? "true" : undefined}>
        {children}
      </Link>
    );
  }
  return (
    <form method="post" action={EVENTS_API} className="answer-form">
      <input type="hidden" name="type" value="wizard" />
      <input type="hidden" name="outcome" value={ending} />
      <input type="hidden" name="path" value={href} />
      <input type="hidden" name="run" value="" data-wizard-run="" />
      <button type="submit" className={className} aria-current={current ? "true" : undefined}>
        {children}
      </button>
    </form>
  );
}
