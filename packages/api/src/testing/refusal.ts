import { TRPCError } from "@trpc/server";

/** The refusal of a call that must fail: its tRPC code, message and cause. Throws when it succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; cause: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message, cause: error.cause };
    throw error;
  }
  throw new Error("expected the call to be refused");
}
