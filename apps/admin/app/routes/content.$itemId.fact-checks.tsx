import {
  BackLink,
  Button,
  InsetText,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningCallout,
} from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// Fact checks by outside experts (decision 028): every request sent for the item, who was asked,
// the deadline, each expert's state and answer (flagged when the item has moved on since the
// revision they read), withdrawing an open request, and the form that sends a new one.

const statusColours = { WAITING: "blue", ANSWERED: "green", EXPIRED: "grey", CLOSED: "grey" } as const;

function closedSentence(closure: string | null, closedBy: string | null, closedAt: string) {
  if (closure === "WITHDRAWN") return `Closed: withdrawn by ${closedBy ?? "a former member of staff"}, ${closedAt}`;
  if (closure === "PUBLISHED") return "Closed: the item has been published since it was sent";
  if (closure === "DEADLINE") return "Closed: the deadline has passed";
  return "Open";
}

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const [view, checks] = await Promise.all([
    orNotFound(api.editorial.item({ itemId })),
    orNotFound(api.factChecks.ofItem({ itemId })),
  ]);
  const params = new URL(args.request.url).searchParams;
  const sent = Number(params.get("sent") ?? "0");
  return {
    itemId,
    title: view.revision.title,
    status: view.item.statusLabel,
    notice:
      sent > 0
        ? `Fact-check request sent to ${sent === 1 ? "1 expert" : `${sent} experts`}. Each has their own link by email.`
        : params.has("withdrawn")
          ? "The request has been withdrawn: its links now say it has closed."
          : null,
    canRequest: checks.canRequest,
    mayEdit: checks.mayEdit,
    latest: checks.latestRevision,
    requests: checks.requests.map((request) => ({
      id: request.id,
      revision: request.revision,
      sentBy: request.requestedBy?.name ?? "A former member of staff",
      sentAt: when(request.createdAt),
      deadline: request.deadline,
      message: request.message,
      state: closedSentence(request.closure, request.closedBy?.name ?? null, when(request.closedAt)),
      isLatestRevision: request.isLatestRevision,
      canWithdraw: request.canWithdraw,
      recipients: request.recipients.map((r) => ({
        id: r.id,
        email: r.email,
        status: r.status,
        statusLabel: r.statusLabel,
        opened: when(r.openedAt),
        answeredAt: when(r.answeredAt),
        verdict: r.verdictLabel,
        comments: r.comments,
      })),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const values = {
    emails: textField(form, "emails"),
    message: textField(form, "message"),
    deadline: textField(form, "deadline"),
  };
  try {
    if (textField(form, "intent") === "withdraw") {
      await api.factChecks.withdraw({ id: textField(form, "requestId") });
      return redirect(`/content/${itemId}/fact-checks?withdrawn=1`);
    }
    const sent = await api.factChecks.send({ itemId, revisionId: textField(form, "revisionId"), ...values });
    return redirect(`/content/${itemId}/fact-checks?sent=${sent.experts}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

type Request = ReturnType<typeof useLoaderData<typeof loader>>["requests"][number];

function RequestSection({
  itemId,
  latest,
  request,
}: {
  itemId: string;
  latest: { id: string; number: number };
  request: Request;
}) {
  const headingId = `request-${request.id}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-u-margin-bottom-7">
      <h2 id={headingId} className="nhsuk-heading-m">
        Revision {request.revision.number}, sent by {request.sentBy}, {request.sentAt}
      </h2>
      {!request.isLatestRevision && (
        <WarningCallout heading="The item has changed since">
          <p>
            These answers are about revision {request.revision.number}; the latest is revision {latest.number}.{" "}
            <a href={`/content/${itemId}/compare?from=${request.revision.id}&to=${latest.id}`}>
              See what changed<span className="nhsuk-u-visually-hidden"> since revision {request.revision.number}</span>
            </a>
          </p>
        </WarningCallout>
      )}
      <SummaryList
        rows={[
          { key: "Deadline", value: `${request.deadline} (the end of that day, UK time)` },
          { key: "Message", value: request.message },
          { key: "State", value: request.state },
        ]}
      />
      <Table
        caption={`Experts asked about revision ${request.revision.number}`}
        head={["Expert", "Status", "Answer"]}
        rows={request.recipients.map((r) => [
          r.email,
          <Tag key="status" colour={statusColours[r.status]}>
            {r.statusLabel}
          </Tag>,
          r.verdict ? (
            <div key="answer">
              <p className="nhsuk-u-margin-bottom-2">
                <strong>{r.verdict}</strong> ({r.answeredAt})
              </p>
              {r.comments
                .split(/\n+/)
                .filter(Boolean)
                .map((line, i) => (
                  <p key={i} className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                    {line}
                  </p>
                ))}
            </div>
          ) : r.opened ? (
            `Opened the link ${r.opened}`
          ) : (
            "Not opened yet"
          ),
        ])}
      />
      {request.canWithdraw && (
        <Form method="post">
          <input type="hidden" name="requestId" value={request.id} />
          <Button name="intent" value="withdraw" variant="secondary">
            Withdraw this request
            <span className="nhsuk-u-visually-hidden"> (revision {request.revision.number})</span>
          </Button>
        </Form>
      )}
    </section>
  );
}

export default function FactChecks() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const latest = data.latest ?? { id: "", number: 0 };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
        <FormErrorSummary title="Fact checks" state={state} fields={["emails", "message", "deadline"]} />
        {data.notice && <NotificationBanner variant="success">{data.notice}</NotificationBanner>}
        <h1>Fact checks: {data.title}</h1>
        <p>
          Outside experts read the draft through a link of their own, with no account, and answer whether it is
          accurate. A link stops working at its deadline, once the item is published, or when the request is withdrawn.
        </p>
        {data.requests.length === 0 && <p>No fact checks have been asked for yet.</p>}
        {data.requests.map((request) => (
          <RequestSection key={request.id} itemId={data.itemId} latest={latest} request={request} />
        ))}
        <h2>Ask outside experts to check the facts</h2>
        {data.canRequest && data.latest ? (
          <Form method="post" noValidate>
            <input type="hidden" name="revisionId" value={data.latest.id} />
            <p>They will read revision {data.latest.number}, the latest, as it will look once published.</p>
            <Textarea
              id="emails"
              name="emails"
              label="Email addresses of the experts"
              hint="One a line, up to 10. Each gets their own link."
              rows={3}
              defaultValue={state.values.emails}
              error={state.fieldErrors.emails}
            />
            <Textarea
              id="message"
              name="message"
              label="What should they check?"
              hint="Up to 2,000 characters. It goes in the email, and above the draft on their page."
              rows={5}
              defaultValue={state.values.message}
              error={state.fieldErrors.message}
            />
            <TextInput
              id="deadline"
              name="deadline"
              type="date"
              label="Deadline"
              hint="They can answer until the end of this day, UK time: today at the earliest, 3 months ahead at the latest."
              defaultValue={state.values.deadline}
              error={state.fieldErrors.deadline}
            />
            <Button name="intent" value="send">
              Send the fact-check request
            </Button>
          </Form>
        ) : (
          <InsetText>
            {!data.mayEdit
              ? "Only someone who may edit this item can ask for a fact check."
              : `A fact check is for a draft before it is published. This item is ${data.status.toLowerCase()}: edit it to make a new draft first.`}
          </InsetText>
        )}
      </div>
    </div>
  );
}
