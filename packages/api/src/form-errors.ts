import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { AppError } from "./errors.ts";

export type FormErrors = { formError: string | null; fieldErrors: Record<string, string> };

/**
 * Turns an error from a server-side caller into what a form shows: one message per field (first
 * zod issue per path) and/or a message for the whole form. Returns null for unexpected errors,
 * which the caller should rethrow.
 */
export function toFormErrors(error: unknown): FormErrors | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of cause.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] ??= issue.message;
    }
    return { formError: null, fieldErrors };
  }
  if (cause instanceof AppError) {
    return { formError: cause.fields ? null : cause.message, fieldErrors: cause.fields ?? {} };
  }
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    return { formError: error.message, fieldErrors: {} };
  }
  return null;
}
