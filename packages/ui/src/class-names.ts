import type { ReactNode } from "react";

/** Joins the truthy tokens with spaces; `undefined` when there are none so React omits the attribute. */
export function cx(...tokens: Array<string | false | null | undefined>): string | undefined {
  const joined = tokens.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

/** True when a node would render something (so `hint={condition && "…"}` adds no empty hint). */
export function isPresent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}
