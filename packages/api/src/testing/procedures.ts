import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { z } from "zod";
import { type Permission, permissions } from "../permissions.ts";
import type { Access } from "../trpc.ts";

export type ProcedureInfo = { path: string; type: AnyProcedure["_def"]["type"]; access: Access | null };

const accessSchema: z.ZodType<Access> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("public") }),
  z.object({ kind: z.literal("mfaStep") }),
  z.object({ kind: z.literal("signedIn") }),
  z.object({
    kind: z.literal("permission"),
    permission: z.custom<Permission>((value) => permissions.some((p) => p === value)),
  }),
]);

/** Every procedure of `router` by its dotted path ("users.invite"), with its type and declared access. */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  // tRPC keeps a flat map of every procedure by path (nested routers included).
  const procedures: Record<string, AnyProcedure> = router._def.procedures;
  return Object.entries(procedures)
    .map(([path, procedure]) => {
      const meta = z.object({ access: accessSchema }).safeParse(procedure._def.meta);
      return { path, type: procedure._def.type, access: meta.success ? meta.data.access : null };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
