import { safeRedirectPath } from "@observatory/api";
import { BackLink } from "@observatory/ui";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { NewComment, ReviewThreads } from "~/components/review-comments";
import { orNotFound } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { commentThreads } from "~/lib/review-comments.server";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

// Every comment thread on an item's revisions, and where the comment forms of the review, editor
// and compare pages post: a success goes back to the page it came from; a refusal is shown here,
// beside the field, with what was typed.

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const view = await orNotFound(api.editorial.item({ itemId }));
  return {
    itemId,
    title: view.revision.title,
    revisionId: view.revision.id,
    revisionNumber: view.revision.number,
    threads: await commentThreads(api, itemId),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const here = `/content/${itemId}/comments`;
  const returnTo = safeRedirectPath(textField(form, "returnTo"), here);
  const values = {
    field: textField(form, "field"),
    quote: textField(form, "quote"),
    text: textField(form, "text"),
    parentId: textField(form, "parentId"),
  };
  try {
    if (intent === "resolve" || intent === "reopen") {
      const id = textField(form, "id");
      await api.editorial.resolveComment({ id, resolved: intent === "resolve" });
      return redirect(`${returnTo.split("#")[0]}#comment-${id}`);
    }
    const revisionId = textField(form, "revisionId") || (await api.editorial.item({ itemId })).revision.id;
    const added = await api.editorial.addComment({
      itemId,
      revisionId,
      parentId: values.parentId,
      field: (values.field || "body") as "body",
      quote: values.quote,
      text: values.text,
    });
    return redirect(`${returnTo.split("#")[0]}#comment-${added.threadId}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Comments() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const here = `/content/${data.itemId}/comments`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
        <FormErrorSummary
          title={`Comments on ${data.title}`}
          state={state}
          fields={["field", "quote", "text"]}
          targets={state.values.parentId ? { text: `reply-${state.values.parentId}` } : {}}
        />
        <h1>Comments on “{data.title}”</h1>
        <p>Comments stay with the revision they were made on. Replies go to everyone in the thread by email.</p>
        <h2>Comment on revision {data.revisionNumber}</h2>
        <NewComment
          itemId={data.itemId}
          revisionId={data.revisionId}
          returnTo={here}
          state={state.values.parentId ? { ...state, fieldErrors: {}, values: {} } : state}
        />
        <h2>Threads</h2>
        <ReviewThreads itemId={data.itemId} threads={data.threads} returnTo={here} state={state} />
      </div>
    </div>
  );
}
