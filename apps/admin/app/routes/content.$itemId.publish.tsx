import { londonDateTimeToInstant } from "@observatory/time";
import { BackLink, Button, InsetText, Textarea, WarningCallout } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChangeNoteFields } from "~/components/change-note-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { WarningsReason } from "~/components/warnings-reason";
import { LondonDateTimeFields } from "~/components/london-time-fields";
import { kindLabel, orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const [view, forceKinds] = await Promise.all([
    orNotFound(api.editorial.item({ itemId: args.params.itemId ?? "" })),
    api.editorial.forcePublishKinds(),
  ]);
  const { item, revision } = view;
  const latestIsApproved = item.status === "APPROVED" || item.status === "SCHEDULED";
  // Each with whether publishing it asks "major or minor change" (it replaces what readers saw).
  const publishable = latestIsApproved
    ? { id: revision.id, number: revision.number, asksForChange: view.asksForChange.latest }
    : item.scheduledRevision && {
        id: item.scheduledRevision.id,
        number: item.scheduledRevision.number,
        asksForChange: view.asksForChange.scheduled,
      };
  // The latest revision, not yet approved, as it may go out without review when that is allowed.
  const unreviewed = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED"].includes(item.status)
    ? {
        id: revision.id,
        number: revision.number,
        allowed: forceKinds.includes(item.kind),
        asksForChange: view.asksForChange.latest,
      }
    : null;
  // The revision the accessibility check is about: the one publishing would put on the site.
  const checked = publishable?.id === revision.id || unreviewed?.allowed ? revision.id : null;
  return {
    itemId: item.id,
    title: revision.title,
    status: item.statusLabel,
    publishable,
    unreviewed,
    checkedRevisionId: checked,
    kindLabel: kindLabel(item.kind),
    // By the public site's rule: once its time has passed, a scheduled revision is on the site.
    isLive: view.onSite !== null,
    scheduledFor: view.pendingSchedule ? when(item.publishAt) : "",
    unpublishAt: when(item.unpublishAt),
    now: when(new Date()),
    // What the accessibility check still asks before the latest revision can be published.
    check: checked ? { findings: revision.findings, openWarnings: revision.openWarnings } : null,
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
  const changeKind = textField(form, "changeKind");
  const change = {
    changeKind: changeKind === "major" || changeKind === "minor" ? (changeKind as "major" | "minor") : undefined,
    changeNote: textField(form, "changeNote"),
  };
  const values = {
    date: textField(form, "date"),
    time: textField(form, "time"),
    clock: textField(form, "clock"),
    unpublishDate: textField(form, "unpublishDate"),
    unpublishTime: textField(form, "unpublishTime"),
    unpublishClock: textField(form, "unpublishClock"),
  };
  try {
    if (intent === "acceptWarnings") {
      await api.editorial.acceptWarnings({ itemId, revisionId, warningsReason: textField(form, "warningsReason") });
      return redirect(`/content/${itemId}/publish`);
    }
    if (intent === "forcePublish") {
      await api.editorial.forcePublish({ itemId, revisionId, reason: textField(form, "reason"), ...change });
      return redirect(`/content/${itemId}?published=1`);
    }
    if (intent === "publishNow") {
      await api.editorial.publishNow({ itemId, revisionId, ...change });
      return redirect(`/content/${itemId}?published=1`);
    }
    if (intent === "schedule") {
      await api.editorial.schedule({
        itemId,
        revisionId,
        publishAt: { date: values.date, time: values.time, clock: clock(form, "clock") },
        ...change,
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
    return formFailure(error, {
      ...values,
      changeKind,
      changeNote: change.changeNote,
      intent,
      reason: textField(form, "reason"),
      ...partsInError(values),
    });
  }
}

/**
 * Which control each schedule's error is about, so that the error summary links to it and it is
 * marked: the date, the time, or the BST/GMT choice; the date when the time itself was refused
 * (in the past, say). Read the way the API read them.
 */
function partsInError(
  values: Record<"date" | "time" | "clock" | "unpublishDate" | "unpublishTime" | "unpublishClock", string>,
) {
  const part = (date: string, time: string, clock: string) => {
    const result = londonDateTimeToInstant(date, time, clock === "BST" || clock === "GMT" ? clock : undefined);
    return result.kind === "ok" ? "date" : result.part;
  };
  return {
    publishAtPart: part(values.date, values.time, values.clock),
    unpublishAtPart: part(values.unpublishDate, values.unpublishTime, values.unpublishClock),
  };
}

const partIds = {
  publishAt: { date: "date", time: "time", clock: "clock" },
  unpublishAt: { date: "unpublishDate", time: "unpublishTime", clock: "unpublishClock" },
} as const;

const asPart = (value: string | undefined) => (value === "time" || value === "clock" ? value : "date");

export default function Publish() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const errors = state.fieldErrors;
  const publishPart = asPart(state.values.publishAtPart);
  const unpublishPart = asPart(state.values.unpublishAtPart);
  // The change question is in the publishing form and in the form to publish without review.
  const changeForm = state.values.intent === "forcePublish" ? "forceChange" : "change";
  const changeErrors = (form: string) => (form === changeForm ? errors : {});
  return (
    <>
      <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary
        title="Publish or schedule"
        state={state}
        fields={["accessibility", "warningsReason", "changeKind", "changeNote", "publishAt", "unpublishAt", "reason"]}
        targets={{
          publishAt: partIds.publishAt[publishPart],
          unpublishAt: partIds.unpublishAt[unpublishPart],
          changeKind: `${changeForm}Kind`,
          changeNote: `${changeForm}Note`,
        }}
      />
      <h1>Publish or schedule</h1>
      <p>
        “{data.title}”. Status: {data.status}. Times are UK time; it is now {data.now}.
      </p>
      {data.scheduledFor && <InsetText>Scheduled to go on the public site on {data.scheduledFor}.</InsetText>}
      {data.checkedRevisionId &&
        data.check &&
        (data.check.openWarnings.length > 0 || data.check.findings.some((f) => f.severity === "error")) && (
          <Form method="post" noValidate>
            <h2 id="accessibility" tabIndex={-1}>
              Accessibility check
            </h2>
            <input type="hidden" name="revisionId" value={data.checkedRevisionId} />
            {data.check.findings.some((f) => f.severity === "error") ? (
              <p>
                This revision has errors in its accessibility check: it cannot be published until they are fixed.{" "}
                <a href={`/content/${data.itemId}#accessibility`}>See the check beside the editor</a>.
              </p>
            ) : (
              <>
                <WarningsReason
                  findings={data.check.findings}
                  openWarnings={data.check.openWarnings}
                  error={errors.warningsReason}
                  action="publishing"
                />
                <Button name="intent" value="acceptWarnings" variant="secondary">
                  Accept the warnings
                </Button>
              </>
            )}
          </Form>
        )}
      {data.publishable ? (
        // One form, so that the change question answers for either: scheduling comes first, so that
        // Enter in the date schedules rather than publishing at once.
        <Form method="post" noValidate>
          <input type="hidden" name="revisionId" value={data.publishable.id} />
          {data.publishable.asksForChange && (
            <ChangeNoteFields idPrefix="change" values={state.values} errors={changeErrors("change")} />
          )}
          <h2>Schedule</h2>
          <LondonDateTimeFields
            idPrefix="publishAt"
            legend="When to publish"
            ids={partIds.publishAt}
            values={{ date: state.values.date, time: state.values.time, clock: state.values.clock }}
            error={errors.publishAt}
            errorPart={publishPart}
            clockLegend="Only for times the clocks go back through (1am to 2am on the last Sunday of October)"
          />
          <Button name="intent" value="schedule" variant="secondary">
            Schedule
          </Button>
          <h2>Or publish it now</h2>
          <Button name="intent" value="publishNow">
            Publish revision {data.publishable.number} now
          </Button>
        </Form>
      ) : (
        <p>There is no approved revision to publish. A revision must be approved before it can be published.</p>
      )}
      {data.unreviewed && (
        <>
          <h2>Publish without review</h2>
          {data.unreviewed.allowed ? (
            <>
              <WarningCallout heading="Only when it cannot wait" headingLevel={3}>
                <p>
                  Revision {data.unreviewed.number} goes on the public site now, as it stands, without the usual review.
                  Your reason is recorded, and the item is marked “Published without review” until another editor has
                  reviewed it.
                </p>
              </WarningCallout>
              <Form method="post" noValidate>
                <input type="hidden" name="revisionId" value={data.unreviewed.id} />
                <Textarea
                  id="reason"
                  name="reason"
                  label="Why can this not wait for review?"
                  hint="Other editors and the administrators will read this."
                  error={errors.reason}
                  defaultValue={state.values.reason}
                  rows={3}
                />
                {data.unreviewed.asksForChange && (
                  <ChangeNoteFields idPrefix="forceChange" values={state.values} errors={changeErrors("forceChange")} />
                )}
                <Button name="intent" value="forcePublish" variant="warning">
                  Publish revision {data.unreviewed.number} without review
                </Button>
              </Form>
            </>
          ) : (
            <p>
              Publishing without review is turned off for this kind of content ({data.kindLabel}). An administrator can
              turn it on in the <a href="/content/publishing-settings">publishing settings</a>.
            </p>
          )}
        </>
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
            <LondonDateTimeFields
              idPrefix="unpublishAt"
              legend="When to take it off the site"
              ids={partIds.unpublishAt}
              values={{
                date: state.values.unpublishDate,
                time: state.values.unpublishTime,
                clock: state.values.unpublishClock,
              }}
              error={errors.unpublishAt}
              errorPart={unpublishPart}
              clockLegend="Only for times the clocks go back through"
            />
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
