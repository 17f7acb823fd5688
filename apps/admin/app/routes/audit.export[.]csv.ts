import { toFormErrors } from "@observatory/api";
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { auditFilterQuery, readAuditFilters } from "~/lib/audit-filters";
import { requireUser } from "~/lib/session.server";

// A resource route: the filtered view of the audit log as a CSV file, streamed batch by batch as
// the browser reads it (a million events never sit in memory).
export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "audit.read" });
  const values = readAuditFilters(new URL(args.request.url).searchParams);
  let exported: Awaited<ReturnType<typeof api.audit.export>>;
  try {
    exported = await api.audit.export(values);
  } catch (error) {
    // Filters the view would refuse: back to the view, which says what is wrong beside each field.
    if (!toFormErrors(error)) throw error;
    return redirect(`/audit?${auditFilterQuery(values)}`);
  }
  const chunks = exported.chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
