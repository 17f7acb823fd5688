import type { ReactNode } from "react";
import { cx } from "./class-names";

export type ButtonVariant = "primary" | "secondary" | "reverse" | "warning";

export type ButtonProps = {
  children: ReactNode;
  variant?: ButtonVariant;
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  formAction?: string;
  disabled?: boolean;
};

export type ButtonLinkProps = { href: string; children: ReactNode; variant?: ButtonVariant };

function buttonClassName(variant: ButtonVariant): string | undefined {
  return cx("nhsuk-button", variant !== "primary" && `nhsuk-button--${variant}`);
}

export function Button({
  children,
  variant = "primary",
  type = "submit",
  name,
  value,
  formAction,
  disabled,
}: ButtonProps) {
  return (
    <button
      className={buttonClassName(variant)}
      data-module="nhsuk-button"
      type={type}
      name={name}
      value={value}
      formAction={formAction}
      disabled={disabled}
      aria-disabled={disabled ? "true" : undefined}
    >
      {children}
    </button>
  );
}

/** A link styled as a button; nhsuk-frontend's button JS makes the space key activate it like a real button. */
export function ButtonLink({ href, children, variant = "primary" }: ButtonLinkProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the nhsuk-frontend button-as-link markup; it navigates, so it stays a link
    <a className={buttonClassName(variant)} data-module="nhsuk-button" href={href} role="button" draggable="false">
      {children}
    </a>
  );
}
