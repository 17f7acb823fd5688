import { Button, Select, Table, TextInput } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AuditTargetCell } from "~/components/audit-target";
import { FormErrorSummary, type FormState } from "~/components/form-errors";
import { AUDIT_FILTERS, auditFilterQuery, readAuditFilters } from "~/lib/audit-filters";
import { formFailure } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

const PAGE_SIZE = 50;

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "audit.read" });
  const params = new URL(args.request.url).searchParams;
  const values = readAuditFilters(params);
  const cursor = params.get("cursor") ?? undefined;
  // The form's choices and the page are read at the same time.
  const choices = api.audit.filters();
  try {
    const [options, result] = await Promise.all([choices, api.audit.list({ ...values, cursor, limit: PAGE_SIZE })]);
    return { ok: true as const, values, options, result, isFirstPage: !cursor };
  } catch (error) {
    // Bad filter values (an impossible date, say): show them on the form, with no results.
    const failure = formFailure(error, values);
    return data({ ...failure.data, options: await choices }, failure.init ?? undefined);
  }
}

const noErrors: FormState = { formError: null, fieldErrors: {}, values: {} };

export default function AuditLog() {
  const page = useLoaderData<typeof loader>();
  const { values, options } = page;
  const state = page.ok ? null : page;
  const filterParams = auditFilterQuery(values);
  const withParams = (extra: Record<string, string>) => {
    const params = new URLSearchParams(filterParams);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `/audit?${params}`;
  };
  return (
    <>
      <FormErrorSummary title="Audit log" state={state ?? noErrors} fields={[...AUDIT_FILTERS]} />
      <h1>Audit log</h1>
      <p>
        Every change staff make, every sign-in and second-factor attempt that failed, and every action someone was
        refused, newest first. Entries cannot be changed or deleted. Times are UK time.
      </p>
      <Form method="get" aria-label="Filter the audit log" className="nhsuk-u-margin-bottom-5">
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Search"
          hint="Words in what happened, the action or the target, or the name or email address of who acted."
          width={30}
          spellCheck={false}
          defaultValue={values.q}
          error={state?.fieldErrors.q}
        />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <Select
              id="actorId"
              name="actorId"
              label="Who"
              defaultValue={values.actorId}
              options={[
                { value: "", label: "Anyone" },
                ...options.actors.map((actor) => ({ value: actor.id, label: `${actor.name} (${actor.email})` })),
              ]}
            />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <Select
              id="action"
              name="action"
              label="Action"
              defaultValue={values.action}
              options={[{ value: "", label: "Any action" }, ...options.actions.map((a) => ({ value: a, label: a }))]}
            />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <Select
              id="targetType"
              name="targetType"
              label="Target type"
              defaultValue={values.targetType}
              options={[
                { value: "", label: "Any target" },
                ...options.targetTypes.map((t) => ({ value: t, label: t })),
              ]}
            />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <TextInput
              id="targetId"
              name="targetId"
              label="Target ID"
              hint="The identifier of one user, item or comment."
              spellCheck={false}
              defaultValue={values.targetId}
              error={state?.fieldErrors.targetId}
            />
          </div>
        </div>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <TextInput
              id="from"
              name="from"
              label="From"
              hint="For example, 21/11/2026"
              width={10}
              defaultValue={values.from}
              error={state?.fieldErrors.from}
            />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <TextInput
              id="to"
              name="to"
              label="To"
              hint="Includes the whole day"
              width={10}
              defaultValue={values.to}
              error={state?.fieldErrors.to}
            />
          </div>
        </div>
        <Button variant="secondary">Filter</Button>
      </Form>

      {page.ok && (
        <>
          {page.result.events.length > 0 && (
            <p>
              <a href={`/audit/export.csv${filterParams.size ? `?${filterParams}` : ""}`} download>
                Download {filterParams.size ? "the events that match these filters" : "every event"} (CSV)
              </a>
            </p>
          )}
          <Table
            caption={page.result.events.length ? "Events" : "No events match these filters"}
            head={["When", "Who", "Action", "What happened", "Target"]}
            rows={page.result.events.map((event) => [
              formatDateTime(event.createdAt),
              event.actor ? event.actor.name : "Someone not signed in",
              <code key="action">{event.action}</code>,
              event.changes.length ? (
                <div key="summary">
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{event.summary}</p>
                  <ul className="nhsuk-list nhsuk-body-s">
                    {event.changes.map((change) => (
                      <li key={change.label}>
                        {change.label}: {change.from} <span aria-hidden="true">→</span>
                        <span className="nhsuk-u-visually-hidden">changed to</span> {change.to}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                event.summary
              ),
              <AuditTargetCell
                key="target"
                event={event}
                eventsHref={
                  event.targetId ? withParams({ targetType: event.targetType, targetId: event.targetId }) : null
                }
              />,
            ])}
          />
          {/* biome-ignore lint/a11y/noRedundantRoles: explicit role as in the nhsuk-frontend pagination template */}
          <nav className="nhsuk-pagination" role="navigation" aria-label="Audit log pages">
            {!page.isFirstPage && (
              <a className="nhsuk-pagination__previous" href={withParams({})}>
                <span className="nhsuk-pagination__title">Newest events</span>
              </a>
            )}
            {page.result.nextCursor && (
              <a className="nhsuk-pagination__next" href={withParams({ cursor: page.result.nextCursor })} rel="next">
                <span className="nhsuk-pagination__title">Older events</span>
              </a>
            )}
          </nav>
        </>
      )}
    </>
  );
}
