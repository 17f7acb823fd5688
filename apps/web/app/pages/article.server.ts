import { toFormErrors } from "@observatory/api";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { orNotFound } from "~/lib/http.server";
import { removedPage } from "~/components/removed-page";

export type ArticleSection = "news" | "blogs" | "press-releases" | "publications" | "page";

/** A comment is at most 2,000 characters; anything this large is not a comment form. */
const MAX_FORM_BYTES = 32 * 1024;

export async function articleLoader({ request, context, params }: LoaderFunctionArgs, section: ArticleSection) {
  const { api: caller } = await api(request, context);
  const result = await orNotFound(caller.content.article({ section, slug: params.slug ?? "" }));
  if (result.kind === "redirect") throw redirect(result.location, 301);
  // Unpublished without a redirect: 410 Gone, with when and why (the root's error page shows it).
  if (result.kind === "gone") throw data(removedPage(result), { status: 410 });
  const url = new URL(request.url);
  const replyTo = url.searchParams.get("replyTo");
  return {
    ...result,
    siteUrl: siteUrl(),
    /** The press office (on press releases) and the share block's networks. */
    organisation: await caller.organisation.details(),
    formToken: result.item.commentsOpen ? await caller.comments.formToken() : null,
    replyTo: replyTo && /^[\w-]{1,100}$/.test(replyTo) ? replyTo : null,
    /** After a comment is sent: "received" (held for moderation) or "published" (a trusted commenter's). */
    commentOutcome: commentOutcomeOf(url.searchParams.get("comment")),
  };
}

function commentOutcomeOf(value: string | null): "received" | "published" | null {
  return value === "received" || value === "published" ? value : null;
}

export type CommentFormValues = { name: string; email: string; body: string; notify: boolean; parentId: string };

export async function commentAction({ request, context }: ActionFunctionArgs) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_FORM_BYTES) {
    return data(
      {
        formError: "Your comment is too long to send. Comments can be up to 2,000 characters.",
        fieldErrors: {},
        values: null,
      },
      { status: 413 },
    );
  }
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  const values: CommentFormValues = {
    name: text("name"),
    email: text("email"),
    body: text("body"),
    notify: form.get("notify") === "yes",
    parentId: text("parentId"),
  };
  const { api: caller } = await api(request, context);
  let outcome: "received" | "published";
  try {
    const { status } = await caller.comments.submit({
      itemId: text("itemId"),
      parentId: values.parentId || undefined,
      name: values.name,
      email: values.email,
      body: values.body,
      website: text("website") || undefined,
      formToken: text("formToken"),
      notify: values.notify,
    });
    outcome = status === "APPROVED" ? "published" : "received";
  } catch (error) {
    const errors = toFormErrors(error);
    if (!errors) throw error;
    const status =
      (error as { code?: string }).code === "TOO_MANY_REQUESTS"
        ? 429
        : (error as { code?: string }).code === "CONFLICT"
          ? 409
          : 400;
    return data({ ...errors, values }, { status });
  }
  const url = new URL(request.url);
  return redirect(`${url.pathname}?comment=${outcome}#comment-status`, 303);
}
