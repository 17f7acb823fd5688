import { Button, NotificationBanner, SummaryList, Table } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmailAddressInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { formatDateTime } from "@observatory/time";

const TITLE = "Email alert subscribers";

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "alerts.subscribers" });
  const [counts, options] = await Promise.all([api.alerts.counts(), api.alerts.options()]);
  const lists = [
    { key: "all", label: "All subscribers" },
    { key: "everything", label: "Everything" },
    ...options.kinds.map((kind) => ({ key: kind.value, label: kind.label })),
    ...options.priorities.map((p) => ({ key: `priority:${p.slug}`, label: `Priority: ${p.title}` })),
  ];
  const none = { immediate: 0, weekly: 0, pending: 0 };
  return {
    lists: lists.map((list) => ({ ...list, ...(counts[list.key] ?? none) })),
    kindLabels: Object.fromEntries(options.kinds.map((kind) => [kind.value, kind.label])),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "alerts.subscribers" });
  const form = await args.request.formData();
  const email = textField(form, "email");
  try {
    if (form.get("intent") === "remove") {
      const { removed } = await api.alerts.remove({ email });
      return data({
        ok: true as const,
        message: removed ? `Removed ${email} from the alert subscribers.` : `${email} had no subscription to remove.`,
      });
    }
    const found = await api.alerts.find({ email });
    return data({ ok: true as const, email, found });
  } catch (error) {
    return formFailure(error, { email });
  }
}

export default function AlertSubscribers() {
  const { lists, kindLabels } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);
  const message = result && "message" in result ? result.message : null;
  const search = result && "found" in result ? result : null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <FormErrorSummary title={TITLE} state={state} fields={["email"]} />
        {message && <NotificationBanner variant="success">{message}</NotificationBanner>}
        <h1>{TITLE}</h1>
        <p>
          Readers who asked for email alerts, counted per list: a subscriber is counted in every list they chose. Alerts
          go only to confirmed addresses; an address that is not confirmed within 3 days is deleted.
        </p>
        <Table
          caption="Subscribers per list"
          head={["List", "Immediately", "Weekly digest", "Waiting for confirmation"]}
          firstCellIsHeader
          rows={lists.map((list) => [list.label, list.immediate, list.weekly, list.pending])}
        />
        <h2>Find and remove an address</h2>
        <p>
          When someone asks to stop getting alerts, or to have their address removed, find it here. A removal is
          recorded in the audit log, which keeps only a keyed hash of the address.
        </p>
        <Form method="post" noValidate>
          <EmailAddressInput state={state} autoComplete="off" width={30} />
          <Button variant="secondary" name="intent" value="find">
            Find address
          </Button>
        </Form>
        {search &&
          (search.found ? (
            <>
              <h3>{search.email}</h3>
              <SummaryList
                rows={[
                  {
                    key: "Status",
                    value: search.found.confirmedAt
                      ? `Confirmed ${formatDateTime(new Date(search.found.confirmedAt))}`
                      : "Waiting for confirmation",
                  },
                  { key: "How often", value: search.found.frequency === "WEEKLY" ? "Weekly digest" : "Immediately" },
                  {
                    key: "Lists",
                    value: [
                      ...(search.found.everything ? ["Everything"] : []),
                      ...search.found.kinds.map((kind) => kindLabels[kind] ?? kind),
                      ...search.found.priorities.map((p) => p.workstream.title),
                    ].join(", "),
                  },
                ]}
              />
              <Form method="post">
                <input type="hidden" name="email" value={search.email} />
                <Button variant="warning" name="intent" value="remove">
                  Remove this address
                </Button>
              </Form>
            </>
          ) : (
            <p>No subscription is held under {search.email}.</p>
          ))}
      </div>
    </div>
  );
}
