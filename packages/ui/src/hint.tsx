import type { ReactNode } from "react";
import { cx } from "./class-names";

export type HintProps = { id?: string; className?: string; children: ReactNode };

export function Hint({ id, className, children }: HintProps) {
  return (
    <div className={cx("nhsuk-hint", className)} id={id}>
      {children}
    </div>
  );
}
