export type FooterLink = { href: string; label: string };
export type FooterProps = { links: FooterLink[]; copyright?: string };

export function Footer({ links, copyright }: FooterProps) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          {links.length > 0 && (
            <>
              <h2 className="nhsuk-u-visually-hidden">Support links</h2>
              <ul className="nhsuk-footer__list">
                {links.map((link) => (
                  <li className="nhsuk-footer__list-item" key={link.href}>
                    <a className="nhsuk-footer__list-item-link" href={link.href}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {copyright && <p className="nhsuk-body-s">{copyright}</p>}
        </div>
      </div>
    </footer>
  );
}
