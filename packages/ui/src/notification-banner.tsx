import type { ReactNode } from "react";
import { cx } from "./class-names";

export type NotificationBannerProps = {
  variant?: "important" | "success";
  /** Defaults to "Important" or "Success". */
  title?: string;
  /** Needed only when a page has more than one banner. */
  titleId?: string;
  heading?: ReactNode;
  children?: ReactNode;
};

export function NotificationBanner({
  variant = "important",
  title,
  titleId = "nhsuk-notification-banner-title",
  heading,
  children,
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
