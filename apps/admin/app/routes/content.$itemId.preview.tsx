import {
  ArticleContent,
  BackLink,
  Button,
  NotificationBanner,
  Table,
  TextInput,
  WarningCallout,
} from "@observatory/ui";
import { apiConfig } from "@observatory/api";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formatDate } from "@observatory/time";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const requested = new URL(args.request.url).searchParams.get("revision");
  const revisionId = requested ?? (await orNotFound(api.editorial.item({ itemId }))).revision.id;
  const [revision, shareLinks, review] = await Promise.all([
    orNotFound(api.editorial.revision({ revisionId })),
    api.editorial.shareLinks({ itemId }),
    orNotFound(api.reviewDue.item({ itemId })),
  ]);
  const now = new Date();
  if (revision.item.id !== itemId) throw new Response("Not found", { status: 404 });
  return {
    itemId,
    revisionId,
    number: revision.number,
    isLive: revision.isOnSite,
    /** The revision as the public page would show it. */
    article: {
      kind: revision.item.kind,
      title: revision.title,
      publishedAt: revision.item.publishedAt ?? new Date(),
      authorName: revision.item.createdBy.name,
      workstreams: revision.workstreams.map((w) => w.workstream),
      summary: revision.summary,
      bodyHtml: revision.bodyHtml,
      // The dates as readers see them: only for kinds that show them, never a due date that has passed.
      lastReviewedAt: review.showOnPage ? review.lastReviewedAt : null,
      nextReviewDue:
        review.showOnPage && review.nextReviewDue && review.nextReviewDue > now ? review.nextReviewDue : null,
      leadImage: revision.leadImage,
    },
    reviewOverdueSince: review.stage === "OVERDUE" && review.nextReviewDue ? formatDate(review.nextReviewDue) : null,
    publicSiteUrl: apiConfig().publicSiteUrl,
    shareLinks: shareLinks.map((link) => ({
      id: link.id,
      revision: link.revision.number,
      createdBy: link.createdBy.name,
      expires: when(link.expiresAt),
      state: link.revokedAt ? "Withdrawn" : new Date(link.expiresAt) <= new Date() ? "Expired" : "Active",
      uses: link.useCount,
      lastUsed: when(link.lastUsedAt),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const form = await args.request.formData();
  const values = { days: textField(form, "days") };
  try {
    if (textField(form, "intent") === "revoke") {
      await api.editorial.revokeShareLink({ id: textField(form, "shareLinkId") });
      return { ok: true as const, created: null, revoked: true };
    }
    const created = await api.editorial.createShareLink({
      revisionId: textField(form, "revisionId"),
      days: Number(values.days || "7"),
    });
    return { ok: true as const, created: { url: created.url, expires: when(created.expiresAt) }, revoked: false };
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Preview() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);
  const created = result && "created" in result ? result.created : null;
  return (
    <>
      <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary title="Preview" state={state} fields={["days"]} />
      {created && (
        <NotificationBanner variant="success" heading="Preview link created">
          <p>Send this link to the reviewer. It works until {created.expires}, and you will not see it again:</p>
          <p>
            <code>{created.url}</code>
          </p>
        </NotificationBanner>
      )}
      {result && "revoked" in result && result.revoked && (
        <NotificationBanner variant="success">The preview link has been withdrawn.</NotificationBanner>
      )}
      <WarningCallout heading={`Preview of revision ${data.number}`}>
        <p>
          {data.isLive
            ? "This revision is on the public site."
            : "This is how the page will look once published. Readers cannot see it yet."}
        </p>
      </WarningCallout>
      {data.reviewOverdueSince && (
        <WarningCallout heading="Review overdue">
          <p>
            Its review was due on {data.reviewOverdueSince}. Readers no longer see a next review date.{" "}
            <a href={`/content/${data.itemId}#review`}>Review it</a>
          </p>
        </WarningCallout>
      )}
      <div className="nhsuk-grid-row">
        <article className="nhsuk-grid-column-two-thirds">
          <ArticleContent item={data.article} publicSiteUrl={data.publicSiteUrl} />
        </article>
      </div>
      <h2>Share with an outside reviewer</h2>
      <p>Anyone with the link can read this revision until it expires or you withdraw it. Each use is logged.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="revisionId" value={data.revisionId} />
        <TextInput
          id="days"
          name="days"
          label="Days the link works (1 to 30)"
          width={2}
          defaultValue={state.values.days || "7"}
          error={state.fieldErrors.days}
        />
        <Button name="intent" value="create" variant="secondary">
          Create a preview link
        </Button>
      </Form>
      {data.shareLinks.length > 0 && (
        <Table
          caption="Preview links"
          head={["Revision", "Created by", "Expires", "State", "Uses", "Action"]}
          rows={data.shareLinks.map((link) => [
            String(link.revision),
            link.createdBy,
            link.expires,
            link.state,
            link.uses ? `${link.uses} (last ${link.lastUsed})` : "0",
            link.state === "Active" ? (
              <Form method="post" key="revoke">
                <input type="hidden" name="shareLinkId" value={link.id} />
                <button
                  type="submit"
                  name="intent"
                  value="revoke"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                >
                  Withdraw<span className="nhsuk-u-visually-hidden"> this link</span>
                </button>
              </Form>
            ) : (
              ""
            ),
          ])}
        />
      )}
    </>
  );
}
