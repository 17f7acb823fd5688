import type { ReactNode } from "react";
import { Tag } from "./tag";

export type ArticleContentProps = {
  title: string;
  /** "News · 3 June 2026 · By Jane Smith"; omitted for plain pages. */
  byline?: ReactNode;
  workstreams: { slug: string; title: string }[];
  summary: string;
  /** Sanitised HTML from the one Markdown renderer (packages/db/src/markdown.ts). */
  bodyHtml: string;
  lastReviewed?: string | null;
  nextReviewDue?: string | null;
};

/**
 * The body of a published article as readers see it. The public site's article page and the
 * admin's previews both render it, so a preview is the page itself.
 */
export function ArticleContent({
  title,
  byline,
  workstreams,
  summary,
  bodyHtml,
  lastReviewed,
  nextReviewDue,
}: ArticleContentProps) {
  return (
    <>
      <h1>{title}</h1>
      {byline && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{byline}</p>}
      {workstreams.length > 0 && (
        <p>
          {workstreams.map((w) => (
            <a key={w.slug} href={`/priorities/${w.slug}`} className="nhsuk-u-margin-right-2">
              <Tag colour="white">{w.title}</Tag>
            </a>
          ))}
        </p>
      )}
      <p className="nhsuk-lede-text">{summary}</p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save and again on read */}
      <div className="observatory-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
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
