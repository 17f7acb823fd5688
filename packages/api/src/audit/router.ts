import { permissionProcedure, router } from "../trpc.ts";
import { auditFilterOptions, auditListInput, listAuditEvents } from "./query.ts";

const read = permissionProcedure("audit.read");

// Read-only by design: events are written by the services (recordAudit) and never changed.
export const auditRouter = router({
  list: read.input(auditListInput).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  filters: read.query(({ ctx }) => auditFilterOptions(ctx.db)),
});
