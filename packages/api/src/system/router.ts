import { pingDatabase } from "@observatory/db";
import { publicProcedure, router } from "../trpc.ts";

export const systemRouter = router({
  /**
   * Liveness with a database round trip; `/healthz` in both apps turns "unavailable" into a 503.
   * It names the dependency that is down, in words: the driver's reason (an address, an error
   * code) goes to the log, not to whoever asks.
   */
  health: publicProcedure.query(async ({ ctx }) => {
    try {
      const { latencyMs } = await pingDatabase(ctx.db);
      return { status: "ok" as const, database: { status: "ok" as const, latencyMs } };
    } catch (error) {
      console.error("health:", error instanceof Error ? error.message : error);
      return {
        status: "unavailable" as const,
        database: { status: "unavailable" as const, message: "The database cannot be reached." },
      };
    }
  }),
});
