import { Role } from "@observatory/db";
import { z } from "zod";
import { readMfaPolicy, updateMfaPolicy } from "../auth/mfa-policy.ts";
import { permissionProcedure, router } from "../trpc.ts";

const manage = permissionProcedure("settings.manage");

export const settingsRouter = router({
  mfaPolicy: manage.query(({ ctx }) => readMfaPolicy(ctx.db)),
  updateMfaPolicy: manage
    .input(z.object({ requiredRoles: z.array(z.enum(Role)).max(10) }))
    .mutation(({ ctx, input }) => updateMfaPolicy(ctx, input.requiredRoles)),
});
