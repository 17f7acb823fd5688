import { apiConfig, can } from "@observatory/api";
import {
  BackLink,
  Button,
  DocumentTitle,
  ErrorSummary,
  NotificationBanner,
  Tag,
  TextInput,
  Textarea,
} from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CommentSummary } from "~/components/comment-summary";
import { textField } from "~/lib/forms.server";
import { statusLabels } from "~/lib/moderation";
import { isVerb, moderateComment, type Outcome, seenFrom } from "~/lib/moderation.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

// One comment on its own page: the actions that need words from the moderator (a reason, the words
// to redact, a reply), besides the ones the queue offers.

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "comments.moderate" });
  const row = await api.moderation.comment({ id: args.params.commentId ?? "" }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "NOT_FOUND")
      throw new Response("This comment no longer exists.", { status: 404 });
    throw error;
  });
  return { row, canDelete: can(user.role, "comments.delete"), publicSiteUrl: apiConfig().publicSiteUrl };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "comments.moderate" });
  const id = args.params.commentId ?? "";
  const form = await args.request.formData();
  const verb = textField(form, "intent");
  const seen = seenFrom(form, id);
  if (!seen || !isVerb(verb)) {
    const refusal: Outcome = { ok: false, message: "Choose an action.", failures: [] };
    return data(refusal, { status: 400 });
  }
  const outcome = await moderateComment(api, verb, seen, {
    reason: textField(form, "reason"),
    phrase: textField(form, "phrase"),
    reply: textField(form, "reply"),
    body: textField(form, "body"),
    authorName: textField(form, "authorName"),
  });
  // A decision sends the moderator back to the queue; an edit or a reply keeps them here.
  if (outcome.ok && verb !== "redact" && verb !== "reply" && verb !== "edit")
    return redirect(`/comments?notice=${verb}`);
  return data({ ...outcome, verb }, { status: outcome.ok ? 200 : outcome.field ? 400 : 409 });
}

export default function CommentPage() {
  const { row, canDelete, publicSiteUrl } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const seen = `${row.status}|${new Date(row.updatedAt).toISOString()}`;
  const isTrash = row.status === "TRASH";
  // Which form a field error belongs to: an edit's text and a reply are both "body".
  const fieldError = (field: string, verb: string) =>
    outcome && !outcome.ok && outcome.field === field && "verb" in outcome && outcome.verb === verb
      ? outcome.message
      : undefined;
  const formError = outcome && !outcome.ok && !outcome.field ? outcome.message : null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/comments">Comments</BackLink>
        <DocumentTitle title={pageTitle(`Comment by ${row.authorName}`)} hasErrors={Boolean(outcome && !outcome.ok)} />
        <ErrorSummary
          errors={[
            ...(formError ? [{ href: "#actions", message: formError }] : []),
            ...(
              [
                ["phrase", "redact", "phrase"],
                ["authorName", "edit", "authorName"],
                ["body", "edit", "body"],
                ["body", "reply", "reply"],
              ] as const
            ).flatMap(([field, verb, id]) => {
              const message = fieldError(field, verb);
              return message ? [{ href: `#${id}`, message }] : [];
            }),
          ]}
        />
        {outcome?.ok && <NotificationBanner variant="success">{outcome.message}</NotificationBanner>}
        <h1>
          Comment by {row.authorName}{" "}
          <Tag colour={row.status === "APPROVED" ? "green" : "grey"}>{statusLabels[row.status]}</Tag>
        </h1>
        <CommentSummary row={row} publicSiteUrl={publicSiteUrl} />

        <h2 id="actions">Decide</h2>
        <Form method="post" noValidate>
          <input type="hidden" name={`seen-${row.id}`} value={seen} />
          <TextInput
            id="reason"
            name="reason"
            label="Reason (optional, internal)"
            hint="Kept with a rejection or a spam decision; never shown to the public."
            width={30}
          />
          {isTrash ? (
            <div className="nhsuk-button-group">
              <Button name="intent" value="restore">
                Restore
              </Button>
              {canDelete && (
                <Button variant="warning" name="intent" value="delete">
                  Delete permanently
                </Button>
              )}
            </div>
          ) : (
            <div className="nhsuk-button-group">
              {row.status !== "APPROVED" && (
                <Button name="intent" value="approve">
                  Approve
                </Button>
              )}
              {row.status !== "REJECTED" && (
                <Button variant="secondary" name="intent" value="reject">
                  Reject
                </Button>
              )}
              {row.status !== "SPAM" && (
                <Button variant="secondary" name="intent" value="spam">
                  Mark as spam
                </Button>
              )}
              {!row.isStaffReply && (
                <Button variant="secondary" name="intent" value="block">
                  Spam, and block the sender
                </Button>
              )}
              <Button variant="secondary" name="intent" value="trash">
                Move to the trash
              </Button>
            </div>
          )}
        </Form>

        {!isTrash && (
          <>
            <h2>Edit</h2>
            {/* Keyed by the comment's version: after a redaction the fields show the text as it is now. */}
            <Form key={seen} method="post" noValidate>
              <input type="hidden" name={`seen-${row.id}`} value={seen} />
              {row.isStaffReply ? (
                <input type="hidden" name="authorName" value={row.authorName} />
              ) : (
                <TextInput
                  id="authorName"
                  name="authorName"
                  label="Name shown with the comment"
                  width={20}
                  defaultValue={row.authorName}
                  error={fieldError("authorName", "edit")}
                />
              )}
              <Textarea
                id="body"
                name="body"
                label="Text"
                hint="The audit log keeps the text and name as they were before."
                rows={6}
                defaultValue={row.body}
                error={fieldError("body", "edit")}
              />
              <Button variant="secondary" name="intent" value="edit">
                Save changes
              </Button>
            </Form>

            <h2>Redact</h2>
            <Form method="post" noValidate>
              <input type="hidden" name={`seen-${row.id}`} value={seen} />
              <TextInput
                id="phrase"
                name="phrase"
                label="Words to remove from the comment"
                hint="Every occurrence is replaced with [removed]. The audit log keeps the original text."
                width={30}
                error={fieldError("phrase", "redact")}
              />
              <Button variant="secondary" name="intent" value="redact">
                Redact
              </Button>
            </Form>
          </>
        )}

        {row.status === "APPROVED" && (
          <>
            <h2>Reply as the observatory</h2>
            <Form method="post" noValidate>
              <input type="hidden" name={`seen-${row.id}`} value={seen} />
              <Textarea
                id="reply"
                name="reply"
                label="Your reply"
                hint="Published at once, under the name NHS Race and Health Observatory."
                rows={4}
                error={fieldError("body", "reply")}
              />
              <Button variant="secondary" name="intent" value="reply">
                Publish reply
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
