import { ArticleContent, Breadcrumbs, DocumentTitle, NotificationBanner, WithdrawnNotice } from "@observatory/ui";
import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentList } from "~/components/attachment-list";
import { CommentForm } from "~/components/comment-form";
import { CommentThread, type ThreadComment } from "~/components/comment-thread";
import { ItemList } from "~/components/item-list";
import { PressOffice } from "~/components/press-office";
import { ShareBlock } from "~/components/share-block";
import type { EnhancedRoute } from "~/lib/enhancements";
import { documentTitle, pageMeta } from "~/lib/meta";
import type { articleLoader, commentAction } from "./article.server";

type ArticleData = Awaited<ReturnType<typeof articleLoader>>;

const sectionCrumbs = {
  NEWS: { href: "/news", label: "News" },
  BLOG: { href: "/blogs", label: "Blogs" },
  PRESS_RELEASE: { href: "/press-releases", label: "Press releases" },
  PUBLICATION: { href: "/publications", label: "Publications" },
  PAGE: null,
} as const;

export const articleMeta: MetaFunction = ({ data }) => {
  const d = data as ArticleData | undefined;
  if (!d) return [];
  // The title is the page's own (ArticlePage), so that a refused comment can make it "Error: ...".
  return pageMeta({
    title: d.item.seoTitle || d.item.title,
    description: d.item.seoDescription || d.item.summary,
    path: d.item.path,
    siteUrl: d.siteUrl,
    type: d.item.kind === "PAGE" ? "website" : "article",
    image: d.item.leadImage,
  }).filter((descriptor) => !("title" in descriptor));
};

function findComment(comments: ThreadComment[], id: string): ThreadComment | null {
  for (const comment of comments) {
    if (comment.id === id) return comment;
    const found = findComment(comment.replies, id);
    if (found) return found;
  }
  return null;
}

/** The comment form's script, on articles whose comments are open. */
export const articleHandle: EnhancedRoute = {
  // The share block's copy button on every item; the comment form's where comments are open.
  enhancements: (data) => [
    "copy-link",
    ...((data as ArticleData | undefined)?.formToken ? (["comment-form"] as const) : []),
  ],
};

export function ArticlePage() {
  const {
    item,
    related,
    comments,
    commentCount,
    formToken,
    replyTo,
    commentOutcome,
    organisation,
    siteUrl,
    attachments,
  } = useLoaderData<ArticleData>();
  const action = useActionData<typeof commentAction>();
  const section = sectionCrumbs[item.kind];
  const replyComment = replyTo ? findComment(comments, replyTo) : null;
  const replyPath = (id: string) => `${item.path}?replyTo=${encodeURIComponent(id)}`;
  const replyHref = (id: string) => `${replyPath(id)}#comment-form`;
  return (
    <>
      <DocumentTitle title={documentTitle(item.seoTitle || item.title, Boolean(action))} />
      <Breadcrumbs items={[{ href: "/", label: "Home" }, ...(section ? [section] : [])]} />
      <div className="nhsuk-grid-row">
        <article className="nhsuk-grid-column-two-thirds">
          {item.withdrawal && (
            <WithdrawnNotice
              withdrawnAt={item.withdrawal.at}
              reason={item.withdrawal.reason}
              replacement={item.withdrawal.replacement}
            />
          )}
          <ArticleContent item={item} />
          <AttachmentList attachments={attachments} itemPath={item.path} />
          {item.kind === "PRESS_RELEASE" && <PressOffice details={organisation} />}
          <ShareBlock
            url={new URL(item.path, siteUrl).toString()}
            title={item.title}
            networks={organisation.shareNetworks}
          />
          {item.kind !== "PAGE" &&
            (formToken || commentCount > 0 ? (
              <section id="comments" aria-labelledby="comments-heading" className="nhsuk-u-margin-top-7">
                <h2 id="comments-heading">
                  Comments <span className="nhsuk-u-secondary-text-colour">({commentCount})</span>
                </h2>
                <div id="comment-status">
                  {commentOutcome === "received" && (
                    <NotificationBanner variant="success" title="Success" heading="Thank you for your comment">
                      <p>It is awaiting moderation and will appear here once a moderator has approved it.</p>
                    </NotificationBanner>
                  )}
                  {commentOutcome === "published" && (
                    <NotificationBanner variant="success" title="Success" heading="Thank you for your comment">
                      <p>It has been published below.</p>
                    </NotificationBanner>
                  )}
                </div>
                {commentCount === 0 ? (
                  <p>There are no comments yet.</p>
                ) : (
                  <CommentThread comments={comments} replyHref={formToken ? replyHref : null} />
                )}
                {formToken ? (
                  <CommentForm
                    // No #fragment: browsers skip autofocus on a page opened at one, and the summary's
                    // focus is what brings a refused comment back into view (at the top of the form).
                    action={replyComment ? replyPath(replyComment.id) : item.path}
                    itemId={item.id}
                    formToken={formToken}
                    replyTo={replyComment && { id: replyComment.id, authorName: replyComment.authorName }}
                    cancelReplyHref={`${item.path}#comment-form`}
                    errors={action ? { formError: action.formError, fieldErrors: action.fieldErrors } : null}
                    values={action?.values ?? null}
                  />
                ) : (
                  <p>Comments are closed.</p>
                )}
              </section>
            ) : (
              // Closed before anyone commented: no empty "Comments (0)" section.
              <p className="nhsuk-u-margin-top-7">Comments are closed.</p>
            ))}
        </article>
        {related.length > 0 && (
          <aside className="nhsuk-grid-column-one-third" aria-labelledby="related-heading">
            <h2 id="related-heading" className="nhsuk-heading-m">
              Related
            </h2>
            <ItemList items={related} headingLevel={3} />
          </aside>
        )}
      </div>
    </>
  );
}
