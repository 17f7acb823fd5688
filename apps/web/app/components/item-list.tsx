import { contentKindLabels, ResponsiveImage, type ResponsiveImageFiles, TagList } from "@observatory/ui";
import { formatDate } from "@observatory/time";
import { isoDate } from "~/lib/format";

export type ListedItem = {
  id: string;
  kind: "NEWS" | "BLOG" | "PRESS_RELEASE" | "PAGE" | "PUBLICATION";
  path: string;
  title: string;
  summary: string;
  publishedAt: Date | string;
  workstreams: { slug: string; title: string }[];
  leadImage?: (ResponsiveImageFiles & { alt: string }) | null;
};

export function ItemList({ items, headingLevel = 2 }: { items: ListedItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="nhsuk-list observatory-item-list">
      {items.map((item) => (
        <li key={item.id} className={`nhsuk-u-margin-bottom-6${item.leadImage ? " observatory-item--with-image" : ""}`}>
          {item.leadImage && (
            <ResponsiveImage
              className="observatory-item-image"
              image={item.leadImage}
              alt={item.leadImage.alt}
              sizes="(min-width: 40.0625em) 200px, 100vw"
            />
          )}
          <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            <a href={item.path}>{item.title}</a>
          </Heading>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
            {contentKindLabels[item.kind]} ·{" "}
            <time dateTime={isoDate(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
          </p>
          <p className="nhsuk-u-margin-bottom-1">{item.summary}</p>
          {item.workstreams.length > 0 && (
            <TagList colour="white" tags={item.workstreams.map((w) => ({ key: w.slug, label: w.title }))} />
          )}
        </li>
      ))}
    </ul>
  );
}
