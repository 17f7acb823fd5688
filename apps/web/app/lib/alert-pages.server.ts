import { toFormErrors } from "@observatory/api";
import { data } from "@remix-run/node";

// What the alert pages share on the server: their caching, and how a refused form is answered.

/** Pages reached through a personal link (its token in the address) are never stored anywhere. */
export const privateHeaders = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });

/** A subscribe or manage form the API refused: the messages beside the fields, and what was sent. */
export function refusedForm<Values>(error: unknown, values: Values) {
  const errors = toFormErrors(error);
  if (!errors) throw error;
  const code = (error as { code?: string }).code;
  return data({ ...errors, values }, { status: code === "TOO_MANY_REQUESTS" ? 429 : 400 });
}
