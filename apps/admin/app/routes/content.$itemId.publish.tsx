import { BackLink, Button, InsetText, Radios, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, statusLabel, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const view = await orNotFound(api.editorial.item({ itemId: args.params.itemId ?? "" }));
  const { item, revision } = view;
  const latestIsApproved = item.status === "APPROVED" || item.status === "SCHEDULED";
  const publishable = latestIsApproved
    ? { id: revision.id, number: revision.number }
    : item.scheduledRevision && { id: item.scheduledRevision.id, number: item.scheduledRevision.number };
  return {
    itemId: item.id,
    title: revision.title,
    status: statusLabel(item.status),
    publishable,
    isLive: item.liveRevisionId !== null,
    scheduledFor: when(item.publishAt),
    unpublishAt: when(item.unpublishAt),
    now: when(new Date()),
  };
}

const clock = (form: FormData, name: string) => {
  const value = textField(form, name);
  return value === "BST" || value === "GMT" ? value : undefined;
};

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const revisionId = textField(form, "revisionId");
  const values = {
    date: textField(form, "date"),
    time: textField(form, "time"),
    clock: textField(form, "clock"),
    unpublishDate: textField(form, "unpublishDate"),
    unpublishTime: textField(form, "unpublishTime"),
    unpublishClock: textField(form, "unpublishClock"),
  };
  try {
    if (intent === "publishNow") {
      await api.editorial.publishNow({ itemId, revisionId });
      return redirect(`/content/${itemId}?published=1`);
    }
    if (intent === "schedule") {
      await api.editorial.schedule({
        itemId,
        revisionId,
        publishAt: { date: values.date, time: values.time, clock: clock(form, "clock") },
      });
      return redirect(`/content/${itemId}?scheduled=1`);
    }
    if (intent === "cancelSchedule") {
      await api.editorial.cancelSchedule({ itemId });
      return redirect(`/content/${itemId}?unscheduled=1`);
    }
    await api.editorial.scheduleUnpublish({
      itemId,
      unpublishAt:
        intent === "clearUnpublish"
          ? null
          : { date: values.unpublishDate, time: values.unpublishTime, clock: clock(form, "unpublishClock") },
    });
    return redirect(`/content/${itemId}?scheduled=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

const clockItems = [
  { value: "BST", label: "BST (the first time)" },
  { value: "GMT", label: "GMT (the second time)" },
];

export default function Publish() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const errors = state.fieldErrors;
  return (
    <>
      <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary title="Publish or schedule" state={state} fields={["publishAt", "unpublishAt"]} />
      <h1>Publish or schedule</h1>
      <p>
        “{data.title}”. Status: {data.status}. Times are UK time; it is now {data.now}.
      </p>
      {data.scheduledFor && <InsetText>Scheduled to go on the public site on {data.scheduledFor}.</InsetText>}
      {data.publishable ? (
        <>
          <h2>Publish now</h2>
          <Form method="post">
            <input type="hidden" name="revisionId" value={data.publishable.id} />
            <Button name="intent" value="publishNow">
              Publish revision {data.publishable.number} now
            </Button>
          </Form>
          <h2>Schedule</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="revisionId" value={data.publishable.id} />
            <div id="publishAt">
              <TextInput
                id="date"
                name="date"
                label="Date"
                hint="For example, 27/3/2027"
                width={10}
                defaultValue={state.values.date}
                error={errors.publishAt}
              />
              <TextInput
                id="time"
                name="time"
                label="Time"
                hint="For example, 9:30am or 14:00"
                width={5}
                defaultValue={state.values.time}
              />
              <Radios
                idPrefix="clock"
                name="clock"
                legend="Only for times the clocks go back through (1am to 2am on the last Sunday of October)"
                defaultValue={state.values.clock}
                items={clockItems}
              />
            </div>
            <Button name="intent" value="schedule" variant="secondary">
              Schedule
            </Button>
          </Form>
        </>
      ) : (
        <p>There is no approved revision to publish. A revision must be approved before it can be published.</p>
      )}
      {data.scheduledFor && (
        <Form method="post">
          <Button name="intent" value="cancelSchedule" variant="secondary">
            Cancel the scheduled publication
          </Button>
        </Form>
      )}
      {(data.isLive || data.scheduledFor) && (
        <>
          <h2>Take it off the site later</h2>
          {data.unpublishAt && <InsetText>Set to come off the public site on {data.unpublishAt}.</InsetText>}
          <Form method="post" noValidate>
            <div id="unpublishAt">
              <TextInput
                id="unpublishDate"
                name="unpublishDate"
                label="Date"
                width={10}
                defaultValue={state.values.unpublishDate}
                error={errors.unpublishAt}
              />
              <TextInput
                id="unpublishTime"
                name="unpublishTime"
                label="Time"
                width={5}
                defaultValue={state.values.unpublishTime}
              />
              <Radios
                idPrefix="unpublishClock"
                name="unpublishClock"
                legend="Only for times the clocks go back through"
                defaultValue={state.values.unpublishClock}
                items={clockItems}
              />
            </div>
            <div className="nhsuk-button-group">
              <Button name="intent" value="scheduleUnpublish" variant="secondary">
                Set the time
              </Button>
              {data.unpublishAt && (
                <Button name="intent" value="clearUnpublish" variant="secondary">
                  Keep it on the site
                </Button>
              )}
            </div>
          </Form>
        </>
      )}
    </>
  );
}
