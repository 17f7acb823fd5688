import { permissionProcedure, router } from "../trpc.ts";
import { exportAuditEvents } from "./export.ts";
import { auditFilterInput, auditFilterOptions, auditListInput, listAuditEvents } from "./query.ts";

const read = permissionProcedure("audit.read");

// Read-only by design: events are written by the services (recordAudit) and never changed. An
// export reads, and records that it did.
export const auditRouter = router({
  list: read.input(auditListInput).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  filters: read.query(({ ctx }) => auditFilterOptions(ctx.db)),
  export: read.input(auditFilterInput).query(({ ctx, input }) => exportAuditEvents(ctx, input)),
});
