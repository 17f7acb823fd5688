import { Button, CharacterCount, Checkboxes, ErrorSummary, TextInput } from "@observatory/ui";

export type CommentFormProps = {
  /** The article's address (and the reply being written), where a refused comment comes back. */
  action: string;
  itemId: string;
  formToken: string;
  replyTo: { id: string; authorName: string } | null;
  cancelReplyHref: string;
  errors: { formError: string | null; fieldErrors: Record<string, string> } | null;
  values: { name: string; email: string; body: string; notify: boolean } | null;
};

const fieldOrder = [
  ["name", "Your name"],
  ["email", "Your email address"],
  ["body", "Your comment"],
] as const;

/**
 * A real form: it posts without JavaScript, and the comment-form enhancement sends it without
 * leaving the page. A comment that was sent redirects to the page again, where the form starts
 * afresh; a refused one comes back with the summary focused (which scrolls the form into view) and
 * what was typed kept.
 */
export function CommentForm({ action, itemId, formToken, replyTo, cancelReplyHref, errors, values }: CommentFormProps) {
  const summary = [
    ...(errors?.formError ? [{ href: "#comment-body", message: errors.formError }] : []),
    ...fieldOrder.flatMap(([field]) => {
      const message = errors?.fieldErrors[field];
      return message ? [{ href: `#comment-${field}`, message }] : [];
    }),
  ];
  return (
    <section aria-labelledby="comment-form-heading" id="comment-form" className="observatory-comment-form">
      <h2 id="comment-form-heading">{replyTo ? `Reply to ${replyTo.authorName}` : "Leave a comment"}</h2>
      <ErrorSummary errors={summary} autoFocus />
      <p>Our moderators read your first comment before it appears. Your email address will not be published.</p>
      {replyTo && (
        <p>
          <a href={cancelReplyHref}>Cancel reply</a>
        </p>
      )}
      <form method="post" action={action} noValidate>
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="formToken" value={formToken} />
        <input type="hidden" name="parentId" value={replyTo?.id ?? ""} />
        <TextInput
          id="comment-name"
          name="name"
          label="Your name"
          autoComplete="name"
          width={20}
          error={errors?.fieldErrors.name}
          defaultValue={values?.name}
        />
        <TextInput
          id="comment-email"
          name="email"
          type="email"
          label="Your email address"
          hint="Your email address will not be published. We use it only to contact you about your comment."
          autoComplete="email"
          spellCheck={false}
          width={30}
          error={errors?.fieldErrors.email}
          defaultValue={values?.email}
        />
        <CharacterCount
          id="comment-body"
          name="body"
          label="Your comment"
          maxLength={2000}
          rows={6}
          error={errors?.fieldErrors.body}
          defaultValue={values?.body}
        />
        {/* A field people never see: automated programs fill it in. */}
        <div className="observatory-honeypot" aria-hidden="true">
          <label htmlFor="comment-website">Leave this field empty</label>
          <input id="comment-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <Checkboxes
          idPrefix="comment-notify"
          name="notify"
          legend="Notifications"
          items={[{ value: "yes", label: "Email me when my comment is published", checked: values?.notify ?? false }]}
        />
        <Button>Send comment</Button>
      </form>
    </section>
  );
}
