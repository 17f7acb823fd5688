import { cx } from "./class-names";
import { Icon } from "./icon";

/** `badge`: a number shown beside the label (`text`), read out as `description` ("3 pending"). */
export type HeaderNavigationItem = {
  href: string;
  label: string;
  current?: boolean;
  badge?: { text: string; description: string };
};
/** `href` renders a link, `action` a POST form with a button (e.g. sign out), neither plain text (e.g. the user's name). */
export type HeaderAccountItem = { href?: string; label: string; action?: string };
export type HeaderSearch = { action: string; name?: string; defaultValue?: string; label?: string };
export type HeaderOrganisation = { name: string; split?: string; descriptor?: string };

export type HeaderProps = {
  serviceName: string;
  homeHref: string;
  /** Adds the organisation name next to the logo (nhsuk-header--organisation). */
  organisation?: HeaderOrganisation;
  navigation?: HeaderNavigationItem[];
  account?: { items: HeaderAccountItem[] };
  search?: HeaderSearch;
};

const nhsLogoPath =
  "M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z";

export function Header({ serviceName, homeHref, organisation, navigation, account, search }: HeaderProps) {
  const logoLabel = ["NHS", organisation?.name, organisation?.split, serviceName, "homepage"].filter(Boolean).join(" ");

  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: <header> is not interactive; role="banner" is from the nhsuk-frontend template
    <header
      className={cx("nhsuk-header", organisation && "nhsuk-header--organisation")}
      data-module="nhsuk-header"
      role="banner"
    >
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          {/* Logo and service name share one link, as the template does when both go to the same place. */}
          <a className="nhsuk-header__service-logo" href={homeHref} aria-label={logoLabel}>
            <svg
              className="nhsuk-header__logo"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 200 80"
              height="40"
              width="100"
              focusable="false"
              role="img"
              aria-label="NHS"
            >
              <title>NHS</title>
              <path fill="currentcolor" d={nhsLogoPath} />
            </svg>
            {organisation && (
              <>
                <span className="nhsuk-header__organisation-name">
                  {organisation.name}
                  {organisation.split && (
                    <>
                      {" "}
                      <span className="nhsuk-header__organisation-name-split">{organisation.split}</span>
                    </>
                  )}
                </span>
                {organisation.descriptor && (
                  <span className="nhsuk-header__organisation-name-descriptor">{organisation.descriptor}</span>
                )}
              </>
            )}
            <span className="nhsuk-header__service-name">{serviceName}</span>
          </a>
        </div>
        {search && (
          <search className="nhsuk-header__search">
            <form className="nhsuk-header__search-form" id="search" action={search.action} method="get" noValidate>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor="search-field">
                  {search.label ?? `Search ${serviceName}`}
                </label>
                <div className="nhsuk-input-wrapper">
                  <input
                    className="nhsuk-input"
                    id="search-field"
                    name={search.name ?? "q"}
                    type="search"
                    autoComplete="off"
                    placeholder="Search"
                    defaultValue={search.defaultValue}
                  />
                  <button
                    className="nhsuk-button nhsuk-button--icon nhsuk-button--small"
                    data-module="nhsuk-button"
                    type="submit"
                    aria-label="Search"
                  >
                    <Icon name="search" />
                  </button>
                </div>
              </div>
            </form>
          </search>
        )}
        {account && account.items.length > 0 && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              {account.items.map((item) => (
                <li className="nhsuk-header__account-item" key={item.label}>
                  {item.href ? (
                    <a className="nhsuk-header__account-link" href={item.href}>
                      {item.label}
                    </a>
                  ) : item.action ? (
                    <form className="nhsuk-header__account-form" action={item.action} method="post" noValidate>
                      <button className="nhsuk-header__account-button" type="submit">
                        {item.label}
                      </button>
                    </form>
                  ) : (
                    item.label
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      {navigation && navigation.length > 0 && (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            {/* Without JS the list simply wraps; nhsuk-frontend's JS moves overflowing items behind the "More" toggle. */}
            <ul className="nhsuk-header__navigation-list">
              {navigation.map((item) => (
                <li
                  className={cx(
                    "nhsuk-header__navigation-item",
                    item.current && "nhsuk-header__navigation-item--current",
                  )}
                  key={item.href}
                >
                  <a
                    className="nhsuk-header__navigation-link"
                    href={item.href}
                    aria-current={item.current ? "page" : undefined}
                    // The badge's number is read as words with the label ("Comments, 3 pending").
                    aria-label={item.badge ? `${item.label}, ${item.badge.description}` : undefined}
                  >
                    {/* The strong keeps the current item distinguishable when users override colours. */}
                    {item.current ? (
                      <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong>
                    ) : (
                      item.label
                    )}
                    {item.badge && (
                      <span className="observatory-nav-badge" aria-hidden="true">
                        {item.badge.text}
                      </span>
                    )}
                  </a>
                </li>
              ))}
              <li className="nhsuk-header__menu" hidden>
                <button
                  className="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                  id="toggle-menu"
                  type="button"
                  aria-expanded="false"
                >
                  <span className="nhsuk-u-visually-hidden">Browse </span>More
                </button>
              </li>
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
