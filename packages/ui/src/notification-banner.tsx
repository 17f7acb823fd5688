import type { ReactNode } from "react";
import { cx } from "./class-names";
import { ERROR_SUMMARY_ID } from "./error-summary";

const SUCCESS_BANNER = ".nhsuk-notification-banner--success";

/**
 * Moves focus to the page's success banner, if it has one and no error summary (which takes focus
 * itself): after a save or a decision, so that a keyboard or screen reader user hears the outcome
 * and continues from the top of the page, not from a button scrolled out of view. nhsuk-frontend's
 * JS does this on page load, but not for banners rendered by client-side navigation.
 */
export function focusSuccessBanner(root: Pick<Document, "getElementById" | "querySelector"> = document): boolean {
  if (root.getElementById(ERROR_SUMMARY_ID)) return false;
  const banner = root.querySelector<HTMLElement>(SUCCESS_BANNER);
  banner?.focus();
  return banner !== null;
}

export type NotificationBannerProps = {
  variant?: "important" | "success";
  /** Defaults to "Important" or "Success". */
  title?: string;
  /** Needed only when a page has more than one banner. */
  titleId?: string;
  heading?: ReactNode;
  children?: ReactNode;
  /**
   * Takes focus as the page loads (a success banner only), for pages that load no script to do it:
   * the public site, which runs no React in the browser.
   */
  autoFocus?: boolean;
};

export function NotificationBanner({
  variant = "important",
  title,
  titleId = "nhsuk-notification-banner-title",
  heading,
  children,
  autoFocus = false,
}: NotificationBannerProps) {
  const success = variant === "success";

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-labelledby is valid on both alert and region; Biome cannot resolve the dynamic role
    <div
      className={cx("nhsuk-notification-banner", success && "nhsuk-notification-banner--success")}
      data-module="nhsuk-notification-banner"
      // Success banners confirm what the user just did, so they are announced; others are a navigable landmark.
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      // Focusable by script only (focusSuccessBanner), as nhsuk-frontend makes it.
      tabIndex={success ? -1 : undefined}
      // biome-ignore lint/a11y/noAutofocus: the NHS.UK pattern moves focus to a success banner
      autoFocus={success && autoFocus}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title ?? (success ? "Success" : "Important")}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        {heading !== undefined && <h3 className="nhsuk-notification-banner__heading">{heading}</h3>}
        {typeof children === "string" ? (
          <p className={heading === undefined ? "nhsuk-notification-banner__heading" : "nhsuk-body"}>{children}</p>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
