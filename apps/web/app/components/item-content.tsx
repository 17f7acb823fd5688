import { ArticleContent, formatDate } from "@observatory/ui";
import { kindLabels } from "~/components/item-list";
import { isoDate } from "~/lib/format";

export type ItemContentProps = {
  item: {
    kind: keyof typeof kindLabels;
    title: string;
    /** Dates arrive as strings once serialised. */
    publishedAt: Date | string;
    authorName: string;
    workstreams: { slug: string; title: string }[];
    summary: string;
    bodyHtml: string;
    lastReviewedAt: Date | string | null;
    nextReviewDue: Date | string | null;
  };
};

/** An item as readers see it: on its public page and in a shared preview alike. */
export function ItemContent({ item }: ItemContentProps) {
  return (
    <ArticleContent
      title={item.title}
      byline={
        item.kind !== "PAGE" && (
          <>
            {kindLabels[item.kind]} · <time dateTime={isoDate(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
            {" · "}By {item.authorName}
          </>
        )
      }
      workstreams={item.workstreams}
      summary={item.summary}
      bodyHtml={item.bodyHtml}
      lastReviewed={item.lastReviewedAt && formatDate(item.lastReviewedAt)}
      nextReviewDue={item.nextReviewDue && formatDate(item.nextReviewDue)}
    />
  );
}
