import { toFormErrors } from "@observatory/api";
import { data } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

/** A text field of a submitted form ("" when missing, or when a file was sent instead). */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The answer to a form the API refused: its errors (for the error summary and the fields) and
 * what was typed, so the form keeps it. Pass no passwords in `values`. `extra` is anything else
 * the page shows about the refusal. Unexpected errors are rethrown for the error boundary.
 */
export function formFailure<Extra extends object = object>(
  error: unknown,
  values: Record<string, string> = {},
  extra?: Extra,
) {
  const errors = toFormErrors(error);
  if (!errors) throw error;
  const status = error instanceof TRPCError ? getHTTPStatusCodeFromError(error) : 400;
  return data({ ok: false as const, ...errors, values, ...(extra as Extra) }, { status });
}
