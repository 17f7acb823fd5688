import { DatabaseUnavailableError, pingDatabase } from "@observatory/db";
import { publicProcedure, router } from "../trpc.ts";

export const systemRouter = router({
  /** Liveness with a database round trip; `/healthz` in both apps turns "unavailable" into a 503. */
  health: publicProcedure.query(async ({ ctx }) => {
    try {
      const { latencyMs } = await pingDatabase(ctx.db);
      return { status: "ok" as const, database: { status: "ok" as const, latencyMs } };
    } catch (error) {
      const message = error instanceof DatabaseUnavailableError ? error.message : "The database check failed.";
      return { status: "unavailable" as const, database: { status: "unavailable" as const, error: message } };
    }
  }),
});
