import { Button, Select, TextInput, Textarea } from "@observatory/ui";
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { FormState } from "~/components/form-errors";

export type Thread = {
  id: string;
  revisionNumber: number;
  fieldLabel: string;
  quote: string;
  text: string;
  authorName: string;
  at: string;
  resolved: string | null;
  replies: { id: string; text: string; authorName: string; at: string }[];
};

export const commentFieldOptions = [
  { value: "body", label: "Body" },
  { value: "title", label: "Title" },
  { value: "summary", label: "Summary" },
  { value: "workstreams", label: "Priorities" },
  { value: "seoTitle", label: "Search engine title" },
  { value: "seoDescription", label: "Search engine description" },
];

/**
 * Comment threads on a draft. Every form posts to the item's comments page, which comes back to
 * `returnTo` when it succeeds (and shows its own errors beside the fields when not). With `readOnly`
 * the threads are only shown (the compare view).
 */
export function ReviewThreads({
  itemId,
  threads,
  returnTo,
  readOnly = false,
  state,
}: {
  itemId: string;
  threads: Thread[];
  returnTo: string;
  readOnly?: boolean;
  /** A refused reply: shown in its thread with what was typed. */
  state?: FormState;
}) {
  if (threads.length === 0) return <p>No comments yet.</p>;
  const action = `/content/${itemId}/comments`;
  return (
    <ul className="nhsuk-list observatory-comment-threads">
      {threads.map((thread) => (
        <li key={thread.id} id={`comment-${thread.id}`} className="nhsuk-card nhsuk-u-margin-bottom-4">
          <div className="nhsuk-card__content">
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
              Revision {thread.revisionNumber} · {thread.fieldLabel}
              {thread.resolved && (
                <>
                  {" "}
                  · <strong className="nhsuk-tag nhsuk-tag--green">Resolved</strong> {thread.resolved}
                </>
              )}
            </p>
            {thread.quote && <blockquote className="observatory-comment-quote">{thread.quote}</blockquote>}
            <p>
              <strong>{thread.authorName}</strong> ({thread.at}): {thread.text}
            </p>
            {thread.replies.map((reply) => (
              <p key={reply.id} className="observatory-comment-reply">
                <strong>{reply.authorName}</strong> ({reply.at}): {reply.text}
              </p>
            ))}
            {!readOnly && (
              <>
                <Form method="post" action={action} noValidate>
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <input type="hidden" name="parentId" value={thread.id} />
                  <Textarea
                    id={`reply-${thread.id}`}
                    name="text"
                    label={`Reply to ${thread.authorName}`}
                    rows={2}
                    {...(state?.values.parentId === thread.id
                      ? { defaultValue: state.values.text, error: state.fieldErrors.text }
                      : {})}
                  />
                  <Button name="intent" value="reply" variant="secondary">
                    Reply
                  </Button>
                </Form>
                <Form method="post" action={action}>
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <input type="hidden" name="id" value={thread.id} />
                  <Button name="intent" value={thread.resolved ? "reopen" : "resolve"} variant="secondary">
                    {thread.resolved ? "Reopen this comment" : "Mark as resolved"}
                  </Button>
                </Form>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A new comment on a revision: about a field, optionally a quoted passage of it. */
export function NewComment({
  itemId,
  revisionId,
  returnTo,
  state,
}: {
  itemId: string;
  revisionId: string;
  returnTo: string;
  state: FormState;
}) {
  return (
    <Form method="post" action={`/content/${itemId}/comments`} noValidate id="new-comment">
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <Select
        id="field"
        name="field"
        label="What your comment is about"
        options={commentFieldOptions}
        defaultValue={state.values.field}
        error={state.fieldErrors.field}
      />
      <TextInput
        id="quote"
        name="quote"
        label="The passage you mean (optional)"
        hint="Copy it from the text exactly, or select it in the body and use the button below. Leave it empty for the whole field."
        defaultValue={state.values.quote}
        error={state.fieldErrors.quote}
      />
      <QuoteSelection />
      <Textarea
        id="text"
        name="text"
        label="Your comment"
        defaultValue={state.values.text}
        error={state.fieldErrors.text}
        rows={3}
      />
      <Button name="intent" value="comment">
        Add comment
      </Button>
    </Form>
  );
}

/**
 * With JavaScript: puts the text selected in the body shown on the page into "The passage you mean",
 * and moves to the comment box. Without it, the passage is copied by hand.
 */
function QuoteSelection() {
  const [ready, setReady] = useState(false);
  const [message, setMessage] = useState("");
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const quoteSelection = () => {
    const selection = window.getSelection();
    const text = selection?.toString().replace(/\s+/g, " ").trim() ?? "";
    const inBody = selection?.anchorNode?.parentElement?.closest(".observatory-body");
    if (!text || !inBody) {
      setMessage("Select a passage of the body first, then press this button.");
      return;
    }
    const quote = document.getElementById("quote") as HTMLInputElement | null;
    const field = document.getElementById("field") as HTMLSelectElement | null;
    if (quote) quote.value = text;
    if (field) field.value = "body";
    setMessage("");
    document.getElementById("text")?.focus();
  };
  return (
    <div className="nhsuk-form-group">
      {/* A mouse press would clear the selection before the click: keep it. */}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onMouseDown={(event) => event.preventDefault()}
        onClick={quoteSelection}
      >
        Quote the text selected in the body
      </button>
      {message && (
        <p className="nhsuk-error-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
