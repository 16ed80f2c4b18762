/**
 * The URLs of this feature's own pages. (Product URLs — entries, causes, wizard steps, search —
 * are built by src/urls.ts.)
 */
export const FEEDBACK_PAGE = "/feedback";
export const INSIGHTS_PAGE = "/insights";
export const INSIGHTS_LOGIN = "/insights/login";
export const INSIGHTS_LOGOUT = "/insights/logout";

/** Where a vote sent without JavaScript lands: thanks, or what went wrong. */
export function feedbackPageUrl(params: {
  entry?: string | undefined;
  cause?: string | undefined;
  helpful?: boolean | undefined;
  /** The vote carried a reason. */
  noted?: boolean | undefined;
  result: string;
}): string {
  const query = new URLSearchParams();
  if (params.entry) query.set("entry", params.entry);
  if (params.cause) query.set("cause", params.cause);
  if (params.helpful !== undefined) query.set("helpful", params.helpful ? "yes" : "no");
  if (params.noted) query.set("noted", "1");
  query.set("result", params.result);
  return `${FEEDBACK_PAGE}?${query.toString()}`;
}

export interface InsightsParams {
  /** A failed-search template chosen for "make this findable". */
  readonly template?: string;
  /** The entry picked to answer it, and the signature to add. */
  readonly entry?: string;
  readonly signature?: string;
}

export function insightsUrl(params: InsightsParams = {}, fragment?: string): string {
  const query = new URLSearchParams();
  if (params.template) query.set("template", params.template);
  if (params.entry) query.set("entry", params.entry);
  if (params.signature) query.set("signature", params.signature);
  const text = query.toString();
  return `${INSIGHTS_PAGE}${text ? `?${text}` : ""}${fragment ? `#${fragment}` : ""}`;
}
