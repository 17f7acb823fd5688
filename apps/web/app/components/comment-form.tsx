import { Button, CharacterCount, Checkboxes, ErrorSummary, focusErrorSummary, TextInput } from "@observatory/ui";
import { Form, useLocation, useNavigation } from "@remix-run/react";
import { useEffect } from "react";

export type CommentFormProps = {
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

/** A real form: it posts without JavaScript, and Remix enhances it when JavaScript runs. */
export function CommentForm({ itemId, formToken, replyTo, cancelReplyHref, errors, values }: CommentFormProps) {
  const navigation = useNavigation();
  // A comment that was sent redirects to the page again (a new location): the form starts afresh then,
  // so what was sent is not left in it to be sent twice. A refused one stays (same location) to be fixed.
  const { key: sentKey } = useLocation();
  const submitting = navigation.state === "submitting";
  useEffect(() => {
    if (errors) focusErrorSummary();
  }, [errors]);
  const summary = [
    ...(errors?.formError ? [{ href: "#comment-body", message: errors.formError }] : []),
    ...fieldOrder.flatMap(([field]) => {
      const message = errors?.fieldErrors[field];
      return message ? [{ href: `#comment-${field}`, message }] : [];
    }),
  ];
  return (
    <section aria-labelledby="comment-form-heading" id="comment-form">
      <h2 id="comment-form-heading">{replyTo ? `Reply to ${replyTo.authorName}` : "Leave a comment"}</h2>
      <ErrorSummary errors={summary} />
      <p>Our moderators read your first comment before it appears. Your email address will not be published.</p>
      {replyTo && (
        <p>
          <a href={cancelReplyHref}>Cancel reply</a>
        </p>
      )}
      <Form key={sentKey} method="post" preventScrollReset={false} noValidate>
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
        <Button disabled={submitting}>{submitting ? "Sending comment" : "Send comment"}</Button>
      </Form>
    </section>
  );
}
