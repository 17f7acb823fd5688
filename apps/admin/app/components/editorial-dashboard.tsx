import { WarningCallout } from "@observatory/ui";

type Panels = {
  overdue: { id: string; title: string; due: string }[];
  /** Published without review, waiting for a second editor (for those who may publish). */
  unreviewed: { id: string; title: string; detail: string }[];
  panels: {
    id: string;
    heading: string;
    empty: string;
    items: { id: string; href: string; title: string; detail: string; waited: string }[];
  }[];
};

/** The home page's editorial section: what is waiting for whom, and for how long. */
export function EditorialDashboard({ overdue, unreviewed, panels }: Panels) {
  return (
    <section aria-labelledby="editorial-heading" className="nhsuk-u-margin-bottom-6">
      <h2 id="editorial-heading">Content</h2>
      <p>
        <a href="/content">All content</a> · <a href="/content/new">New content</a>
      </p>
      {overdue.length > 0 && (
        <WarningCallout heading="Scheduled changes not yet recorded" headingLevel={3}>
          <p>
            The public site already shows these as scheduled, but the scheduler has not recorded them. If this stays,
            check that the admin server is running.
          </p>
          <ul>
            {overdue.map((o) => (
              <li key={o.id}>
                <a href={`/content/${o.id}`}>{o.title}</a> (due {o.due})
              </li>
            ))}
          </ul>
        </WarningCallout>
      )}
      {unreviewed.length > 0 && (
        <WarningCallout heading="Published without review" headingLevel={3}>
          <p>These went out without review and are waiting for a second editor to review them.</p>
          <ul>
            {unreviewed.map((u) => (
              <li key={u.id}>
                <a href={`/content/${u.id}/reviewed-after-publication`}>{u.title}</a> ({u.detail})
              </li>
            ))}
          </ul>
          <p>
            <a href="/content/published-without-review">All content published without review</a>
          </p>
        </WarningCallout>
      )}
      <div className="nhsuk-grid-row">
        {panels.map((panel) => (
          <div className="nhsuk-grid-column-one-half" key={panel.id}>
            <h3 id={panel.id}>{panel.heading}</h3>
            {panel.items.length === 0 ? (
              <p>{panel.empty}</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--border" aria-labelledby={panel.id}>
                {panel.items.map((item) => (
                  <li key={item.id}>
                    <a href={item.href}>{item.title}</a>
                    <br />
                    <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                      {item.detail} · {item.waited}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
