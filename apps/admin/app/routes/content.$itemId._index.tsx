import {
  Button,
  ButtonLink,
  InsetText,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
  WarningCallout,
  WithdrawnNotice,
} from "@observatory/ui";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { can } from "@observatory/api/permissions";
import { ContentForm, contentFormFields } from "~/components/content-form";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { WarningsReason } from "~/components/warnings-reason";
import { ItemReviewSummary } from "~/components/item-review-summary";
import { bodyFormValues, kindOptions, orNotFound, readContentForm, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { leadImageChoices } from "~/lib/lead-image.server";
import { useOthersEditing } from "~/lib/presence";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

const notices: Record<string, string> = {
  saved: "Your changes have been saved as a new revision.",
  submitted: "Submitted for review. The people who decide its first step have been told by email.",
  approvedOnSubmit: "Submitted and approved: no workflow reviews this kind of content, so an editor can publish it.",
  approved: "Approved. It can now be published.",
  stepApproved: "Approved at this step. The people who decide the next one have been told by email.",
  changes: "Changes requested. The author has been told by email.",
  published: "Published: it is on the public site now.",
  scheduled: "Scheduled.",
  unscheduled: "The scheduled publication has been cancelled.",
  unpublished: "Taken off the public site.",
  restored: "The earlier revision is now the latest draft.",
  unarchived: "Archiving undone: the item is back as it was before.",
  restoredDraft: "Restored from the archive: its latest revision is now a draft.",
  reviewedAfterPublication: "Reviewed after publication: it is no longer marked as published without review.",
  withdrawn: "Withdrawn: it stays at its address with the banner below, and has left the lists and search.",
  unwithdrawn: "Withdrawal undone: the page is listed, searchable and open for comments again.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  // The item first: checking in as its editor presumes it exists (an unknown id is a 404).
  const view = await orNotFound(api.editorial.item({ itemId }));
  const { item, revision, reviews } = view;
  const [workstreams, presence, choices, comments, reviewDue, forced, factChecks] = await Promise.all([
    api.editorial.workstreamOptions(),
    api.editorial.presence({ itemId }),
    leadImageChoices(api, revision.leadImageId ?? ""),
    api.editorial.comments({ itemId }),
    api.reviewDue.item({ itemId }),
    api.editorial.forcedPublicationsOf({ itemId }),
    api.factChecks.counts({ itemId }),
  ]);
  const unreviewed = forced.find((f) => !f.reviewedAt);
  const params = new URL(args.request.url).searchParams;
  const notice = [...params.keys()].map((key) => notices[key]).find(Boolean) ?? null;
  // Just archived (the archiving's time in the address): say so, with the way back while it is still possible.
  const justArchived = params.get("archived") !== null && item.archivedAt !== null;
  const archivedAt = item.archivedAt ? new Date(item.archivedAt).toISOString() : null;
  const lastReview = reviews[0] ?? null;
  return {
    userName: user.name,
    notice,
    archived: justArchived
      ? { at: archivedAt, canUndo: view.can.undoArchive && params.get("archived") === archivedAt }
      : null,
    openComments: comments.filter((c) => !c.resolvedAt).length,
    factChecks,
    publishedWithoutReview: unreviewed && {
      revision: unreviewed.revision.number,
      by: unreviewed.publishedBy?.name ?? "a former member of staff",
      at: when(unreviewed.publishedAt),
      reason: unreviewed.reason,
      canReview: can(user.role, "content.publish") && unreviewed.publishedById !== user.id,
    },
    item: {
      id: item.id,
      slug: item.slug,
      status: item.status,
      statusLabel: item.statusLabel,
      createdBy: item.createdBy.name,
      // By the public site's rule: a schedule whose time has passed is on the site, recorded or not.
      live: view.onSite && { number: view.onSite.number, since: when(view.onSite.since) },
      scheduled: view.pendingSchedule && { number: view.pendingSchedule.number, at: when(item.publishAt) },
      unpublishAt: when(item.unpublishAt),
      redirects: item.redirects.map((r) => r.fromSlug),
      withdrawal: item.withdrawnAt && {
        at: new Date(item.withdrawnAt).toISOString(),
        reason: item.withdrawalReason ?? "",
        replacement: item.withdrawalReplacementPath ? { path: item.withdrawalReplacementPath, title: null } : null,
      },
      // Unpublished: what its old address answers (decision 027).
      removal:
        item.status === "ARCHIVED" && item.removalReason
          ? {
              reason: item.removalReason,
              answer: item.removalRedirectPath
                ? `Redirects to ${item.removalRedirectPath}`
                : "Says the page was removed (410 Gone), with the reason",
            }
          : null,
    },
    revision: {
      id: revision.id,
      number: revision.number,
      title: revision.title,
      author: revision.author.name,
      isAutosave: revision.isAutosave,
      bodyHtml: revision.bodyHtml,
      findings: revision.findings,
      openWarnings: revision.openWarnings,
      updated: when(revision.updatedAt),
    },
    values: {
      title: revision.title,
      slug: item.slug,
      summary: revision.summary,
      ...bodyFormValues(revision.document),
      kind: item.kind,
      seoTitle: revision.seoTitle ?? "",
      seoDescription: revision.seoDescription ?? "",
      commentsOpen: item.commentsOpen ? "yes" : "no",
      workstreamIds: revision.workstreamIds.join(","),
      leadImageId: revision.leadImageId ?? "",
    },
    lastReview: lastReview && {
      decision: lastReview.decision,
      reason: lastReview.reason,
      reviewer: lastReview.reviewerName,
      at: when(lastReview.createdAt),
      revisionNumber: lastReview.revisionNumber,
    },
    reviews: reviews.map((r) => ({
      id: r.id,
      revision: r.revisionNumber,
      reviewer: r.reviewerName,
      decision: `${r.stepName}: ${r.decision === "APPROVED" ? "approved" : "changes requested"}`,
      reason: r.reason ?? "",
      at: when(r.createdAt),
    })),
    can: view.can,
    reviewDue,
    presence: { seenAt: presence.seenAt, others: presence.others.map((o) => o.name) },
    workstreams: workstreams.map((w) => ({ id: w.id, title: w.title })),
    kinds: kindOptions,
    ...choices,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const revisionId = textField(form, "revisionId");
  const { values, input } = readContentForm(form);
  try {
    if (intent === "submit") {
      const result = await api.editorial.submit({
        itemId,
        revisionId,
        warningsReason: textField(form, "warningsReason"),
      });
      return redirect(`/content/${itemId}?${result.status === "APPROVED" ? "approvedOnSubmit" : "submitted"}=1`);
    }
    if (intent === "unpublish") {
      await api.editorial.unpublish({ itemId });
      return redirect(`/content/${itemId}?unpublished=1`);
    }
    if (intent === "undoArchive") {
      await api.editorial.undoArchive({ itemId, archivedAt: textField(form, "archivedAt") });
      return redirect(`/content/${itemId}?unarchived=1`);
    }
    if (intent === "unwithdraw") {
      await api.editorial.unwithdraw({ itemId });
      return redirect(`/content/${itemId}?unwithdrawn=1`);
    }
    if (intent === "restoreFromArchive") {
      await api.editorial.restoreFromArchive({ itemId });
      return redirect(`/content/${itemId}?restoredDraft=1`);
    }
    if (intent === "cancelSchedule") {
      await api.editorial.cancelSchedule({ itemId });
      return redirect(`/content/${itemId}?unscheduled=1`);
    }
    await api.editorial.save({ itemId, baseRevisionId: textField(form, "baseRevisionId"), ...input });
    return redirect(`/content/${itemId}?saved=1`);
  } catch (error) {
    if (intent && intent !== "save") {
      return formFailure(error, { warningsReason: textField(form, "warningsReason") }, { latest: null });
    }
    // After a refused stale save the page shows what the newer revision says beside the person's
    // own text, offers a comparison, and saving again from here is based on it (a refused action
    // does not reload the page's data).
    const isStale = error instanceof TRPCError && error.code === "CONFLICT";
    const latest = isStale ? (await api.editorial.item({ itemId })).revision : null;
    return formFailure(
      error,
      { ...values, baseRevisionId: textField(form, "baseRevisionId"), latestRevisionId: latest?.id ?? "" },
      {
        latest: latest && {
          number: latest.number,
          title: latest.title,
          summary: latest.summary,
          bodyHtml: latest.bodyHtml,
          author: latest.author.name,
          saved: when(latest.updatedAt),
        },
      },
    );
  }
}

export default function EditContent() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const state = formState(answer);
  const latest = answer?.latest ?? null;
  const others = useOthersEditing(data.item.id, data.presence);
  const { item, revision, can } = data;
  const rows = [
    { key: "Status", value: <Tag colour="white">{item.statusLabel}</Tag> },
    {
      key: "Latest revision",
      value: `Revision ${revision.number} by ${revision.author}, ${revision.updated}${revision.isAutosave ? " (autosaved copy)" : ""}`,
    },
    { key: "On the public site", value: item.live ? `Revision ${item.live.number}, since ${item.live.since}` : "No" },
    ...(item.scheduled
      ? [{ key: "Scheduled", value: `Revision ${item.scheduled.number} for ${item.scheduled.at}` }]
      : []),
    ...(item.unpublishAt ? [{ key: "Comes off the site", value: item.unpublishAt }] : []),
    ...(item.removal
      ? [
          { key: "Unpublished because", value: item.removal.reason },
          { key: "Its old address", value: item.removal.answer },
        ]
      : []),
    {
      key: "Web address",
      value: `/${item.slug}${item.redirects.length ? ` (also reached from /${item.redirects.join(", /")})` : ""}`,
    },
    { key: "Created by", value: item.createdBy },
  ];
  return (
    <>
      <p className="nhsuk-u-margin-bottom-3">
        <a href="/content">Back to content</a>
      </p>
      {data.notice && <NotificationBanner variant="success">{data.notice}</NotificationBanner>}
      {data.archived && (
        <NotificationBanner variant="success" heading="Archived">
          <p className="nhsuk-body">Readers cannot see it, and any scheduled publication is cancelled.</p>
          {data.archived.canUndo && data.archived.at && (
            <Form method="post">
              <input type="hidden" name="archivedAt" value={data.archived.at} />
              <Button name="intent" value="undoArchive" variant="secondary">
                Undo
              </Button>
            </Form>
          )}
        </NotificationBanner>
      )}
      <FormErrorSummary
        title={`Edit: ${revision.title}`}
        state={state}
        fields={[...contentFormFields, "accessibility", "warningsReason"]}
      />
      <h1>{revision.title}</h1>
      {data.publishedWithoutReview && (
        <WarningCallout heading="Published without review">
          <p>
            Revision {data.publishedWithoutReview.revision} was published on {data.publishedWithoutReview.at} by{" "}
            {data.publishedWithoutReview.by} without review: “{data.publishedWithoutReview.reason}”
          </p>
          <p>
            {data.publishedWithoutReview.canReview ? (
              <a href={`/content/${item.id}/reviewed-after-publication`}>Review it now</a>
            ) : (
              "Another editor must review it."
            )}
          </p>
        </WarningCallout>
      )}
      {item.withdrawal && (
        <>
          <WithdrawnNotice
            withdrawnAt={item.withdrawal.at}
            reason={item.withdrawal.reason}
            replacement={item.withdrawal.replacement}
          />
          <p>
            Readers see this banner on the page. It is out of the lists, search and the sitemap, and closed to comments.
          </p>
          {can.unwithdraw && (
            <Form method="post">
              <Button name="intent" value="unwithdraw" variant="secondary">
                Undo the withdrawal
              </Button>
            </Form>
          )}
        </>
      )}
      {latest && state.values.latestRevisionId !== state.values.baseRevisionId && (
        <section aria-labelledby="latest-version" className="nhsuk-card nhsuk-u-margin-bottom-5">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading" id="latest-version">
              The latest version: revision {latest.number}, saved by {latest.author}, {latest.saved}
            </h2>
            <p>
              Your text is in the form below, not yet saved.{" "}
              <a
                href={`/content/${item.id}/compare?from=${state.values.baseRevisionId}&to=${state.values.latestRevisionId}`}
              >
                See what changed since you opened the editor
              </a>
              , then save again to replace it with your version.
            </p>
            <SummaryList
              rows={[
                { key: "Title", value: latest.title },
                { key: "Summary", value: latest.summary || "(none)" },
              ]}
            />
            <h3 className="nhsuk-heading-s">Body</h3>
            <div className="observatory-body" dangerouslySetInnerHTML={{ __html: latest.bodyHtml }} />
          </div>
        </section>
      )}
      {others.length > 0 && (
        <WarningCallout heading="Someone else has this open">
          <p>
            {others.join(", ")} {others.length === 1 ? "is" : "are"} editing this item too. If they save first, you will
            be asked to compare before your changes are saved.
          </p>
        </WarningCallout>
      )}
      <SummaryList rows={rows} />
      <ItemReviewSummary itemId={item.id} review={data.reviewDue} />
      {data.lastReview?.decision === "CHANGES_REQUESTED" && item.status === "CHANGES_REQUESTED" && (
        <InsetText>
          <p>
            <strong>
              {data.lastReview.reviewer} asked for changes to revision {data.lastReview.revisionNumber} (
              {data.lastReview.at}):
            </strong>
          </p>
          <p>{data.lastReview.reason}</p>
        </InsetText>
      )}
      <ul className="nhsuk-list">
        <li>
          <a href={`/content/${item.id}/preview?revision=${revision.id}`}>Preview as the public will see it</a>
        </li>
        <li>
          <a href={`/content/${item.id}/revisions`}>Revisions and comparisons</a>
        </li>
        {data.values.kind === "PUBLICATION" && (
          <li>
            <a href={`/content/${item.id}/attachments`}>Attachments and HTML publications</a>
          </li>
        )}
        <li>
          <a href={`/content/${item.id}/comments`}>
            Comments{data.openComments > 0 ? ` (${data.openComments} open)` : ""}
          </a>
        </li>
        <li>
          <a href={`/content/${item.id}/fact-checks`}>
            Fact checks
            {data.factChecks.requests > 0
              ? ` (${data.factChecks.waiting} waiting, ${data.factChecks.answered} answered)`
              : ""}
          </a>
        </li>
        {can.review && (
          <li>
            <a href={`/content/${item.id}/review`}>Review this revision</a>
          </li>
        )}
        {can.publish && (
          <li>
            <a href={`/content/${item.id}/publish`}>Publish or schedule</a>
          </li>
        )}
      </ul>
      <div className="nhsuk-button-group">
        {can.submit && (
          <Form method="post" noValidate>
            <input type="hidden" name="revisionId" value={revision.id} />
            <WarningsReason
              findings={revision.findings}
              openWarnings={revision.openWarnings}
              error={state.fieldErrors.warningsReason}
              action="submitting"
            />
            <Button name="intent" value="submit">
              Submit for review
            </Button>
          </Form>
        )}
        {can.publish && item.live && (
          <Form method="post">
            <Button name="intent" value="unpublish" variant="secondary">
              Unpublish
            </Button>
          </Form>
        )}
        {can.withdraw && (
          <ButtonLink href={`/content/${item.id}/withdraw`} variant="secondary">
            Withdraw
          </ButtonLink>
        )}
        {can.archive && (
          <ButtonLink href={`/content/${item.id}/archive`} variant="warning">
            Archive
          </ButtonLink>
        )}
        {can.restore && (
          <Form method="post">
            <Button name="intent" value="restoreFromArchive" variant="secondary">
              Restore as a draft
            </Button>
          </Form>
        )}
      </div>
      {data.reviews.length > 0 && (
        <Table
          caption="Reviews"
          head={["Revision", "Reviewer", "Decision", "Reason", "When"]}
          rows={data.reviews.map((r) => [String(r.revision), r.reviewer, r.decision, r.reason, r.at])}
        />
      )}
      {can.edit ? (
        <>
          <h2>Edit</h2>
          {item.live && (
            <p>
              Your changes become a new revision. Readers keep seeing the live revision until the new one is approved
              and published.
            </p>
          )}
          <ContentForm
            values={{ ...data.values, ...state.values }}
            state={state}
            workstreams={data.workstreams}
            kinds={data.kinds}
            submitLabel="Save changes"
            hidden={{ baseRevisionId: state.values.latestRevisionId || revision.id }}
            autosave={{ itemId: item.id, baseRevisionId: state.values.latestRevisionId || revision.id }}
            initialPreviewHtml={revision.bodyHtml}
            initialFindings={revision.findings}
          />
        </>
      ) : (
        <p>You cannot edit this item{item.status === "ARCHIVED" ? " while it is archived" : ""}.</p>
      )}
    </>
  );
}
