import { formatDate } from "@observatory/time";
import { type ResponsiveImageFiles, ResponsiveImage } from "./responsive-image";
import { TagList } from "./tag";

export const contentKindLabels = {
  NEWS: "News",
  BLOG: "Blog",
  PRESS_RELEASE: "Press release",
  PAGE: "Page",
  PUBLICATION: "Publication",
} as const;

export type ArticleItem = {
  kind: keyof typeof contentKindLabels;
  title: string;
  /** When it was (or, for a preview, would be) published; dates arrive as strings once serialised. */
  publishedAt: Date | string;
  authorName: string;
  workstreams: { slug: string; title: string }[];
  summary: string;
  /** Sanitised HTML from the one document renderer (packages/content). */
  bodyHtml: string;
  lastReviewedAt: Date | string | null;
  nextReviewDue: Date | string | null;
  /** The lead image, shown under the summary, with its alt text, caption and credit. */
  leadImage?: (ResponsiveImageFiles & { alt: string; caption: string; credit: string }) | null;
  /**
   * Its public history, newest first: each major change with its note, and the first publication
   * (note null). A page with a major change says "Last updated" and lists them ("See all updates").
   */
  updates?: { at: Date | string; note: string | null }[];
};

export type ArticleContentProps = {
  item: ArticleItem;
  /** Where the public site is, for links from a page shown elsewhere (the admin's preview); else this site. */
  publicSiteUrl?: string;
};

/**
 * An item as readers see it. The public site's article page, the outside reviewer's shared preview
 * and the admin's preview all render it, so a preview is the page itself.
 */
export function ArticleContent({ item, publicSiteUrl = "" }: ArticleContentProps) {
  const lastReviewed = item.lastReviewedAt && formatDate(item.lastReviewedAt);
  const nextReviewDue = item.nextReviewDue && formatDate(item.nextReviewDue);
  const updates = item.updates ?? [];
  const lastUpdate = updates.length > 1 ? updates[0] : undefined;
  return (
    <>
      <h1>{item.title}</h1>
      {item.kind !== "PAGE" && (
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
          {contentKindLabels[item.kind]} · Published{" "}
          <time dateTime={new Date(item.publishedAt).toISOString()}>{formatDate(item.publishedAt)}</time>
          {lastUpdate && (
            <>
              {" "}
              · Last updated <time dateTime={new Date(lastUpdate.at).toISOString()}>{formatDate(lastUpdate.at)}</time> (
              <a href="#history">see all updates</a>)
            </>
          )}{" "}
          · By {item.authorName}
        </p>
      )}
      {item.workstreams.length > 0 && (
        <TagList
          colour="white"
          tags={item.workstreams.map((w) => ({
            key: w.slug,
            label: w.title,
            href: `${publicSiteUrl}/priorities/${w.slug}`,
          }))}
        />
      )}
      <p className="nhsuk-lede-text">{item.summary}</p>
      {item.leadImage && (
        <figure className="observatory-lead-image nhsuk-u-margin-bottom-5">
          <ResponsiveImage
            image={item.leadImage}
            alt={item.leadImage.alt}
            sizes="(min-width: 61.875em) 640px, 100vw"
            loading="eager"
          />
          {(item.leadImage.caption || item.leadImage.credit) && (
            <figcaption className="nhsuk-body-s nhsuk-u-secondary-text-colour">
              {[item.leadImage.caption, item.leadImage.credit].filter(Boolean).join(" ")}
            </figcaption>
          )}
        </figure>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save and again on read */}
      <div className="observatory-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      {lastUpdate && (
        <section id="history" aria-labelledby="history-heading" className="nhsuk-u-margin-top-6">
          <h2 id="history-heading" className="nhsuk-heading-m">
            All updates to this page
          </h2>
          <dl className="observatory-history">
            {updates.map((update) => (
              <div key={new Date(update.at).toISOString()}>
                <dt>
                  <time dateTime={new Date(update.at).toISOString()}>{formatDate(update.at)}</time>
                </dt>
                <dd>{update.note ?? "First published."}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {(lastReviewed || nextReviewDue) && (
        <div className="nhsuk-review-date nhsuk-u-margin-top-6">
          <p className="nhsuk-body-s">
            {lastReviewed && <>Page last reviewed: {lastReviewed}</>}
            {lastReviewed && nextReviewDue && <br />}
            {nextReviewDue && <>Next review due: {nextReviewDue}</>}
          </p>
        </div>
      )}
    </>
  );
}
