import { TRPCError } from "@trpc/server";
import { toFormErrors } from "../form-errors.ts";

/**
 * The refusal of a call that must fail: its tRPC code, message, cause, and the form errors a page
 * would show beside its fields. Throws when the call succeeds.
 */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; cause: unknown; form: ReturnType<typeof toFormErrors> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      return { code: error.code, message: error.message, cause: error.cause, form: toFormErrors(error) };
    }
    throw error;
  }
  throw new Error("expected the call to be refused");
}
