import type { ReactNode } from "react";
import { cx } from "./class-names";

export type TagColour =
  | "white"
  | "grey"
  | "green"
  | "aqua-green"
  | "blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

export type TagProps = { children: ReactNode; colour?: TagColour };

/** A tag's classes; for markup written as a string, where the component cannot be used. */
export const tagClassName = (colour?: TagColour) => cx("nhsuk-tag", colour && `nhsuk-tag--${colour}`);

export function Tag({ children, colour }: TagProps) {
  return <strong className={tagClassName(colour)}>{children}</strong>;
}

export type TagListProps = { tags: { key: string; label: string; href?: string }[]; colour?: TagColour };

/**
 * Several tags as a list, so that a screen reader counts them and a text browser shows each on its
 * own (side by side they read as one word). Styled as a row by the app's `observatory-tag-list`.
 */
export function TagList({ tags, colour }: TagListProps) {
  return (
    <ul className="observatory-tag-list">
      {tags.map((tag) => (
        <li key={tag.key}>
          {tag.href ? (
            <a href={tag.href}>
              <Tag colour={colour}>{tag.label}</Tag>
            </a>
          ) : (
            <Tag colour={colour}>{tag.label}</Tag>
          )}
        </li>
      ))}
    </ul>
  );
}
