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

export function Tag({ children, colour }: TagProps) {
  return <strong className={cx("nhsuk-tag", colour && `nhsuk-tag--${colour}`)}>{children}</strong>;
}
