import { roleLabels } from "@observatory/api/permissions";
import { Card, WarningCallout } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EditorialDashboard } from "~/components/editorial-dashboard";
import { editorialPanels } from "~/lib/dashboard.server";
import { ReviewDuePanel } from "~/components/review-due-panel";
import { reviewDuePanel } from "~/lib/review-due.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle, sectionsFor } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Home") }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, api } = await requireUser(args);
  const [editorial, reviewDue] = await Promise.all([editorialPanels(api, user.role), reviewDuePanel(api, user.role)]);
  return { user, editorial, reviewDue };
}

export default function AdminHome() {
  const { user, editorial, reviewDue } = useLoaderData<typeof loader>();
  const sections = sectionsFor(user.role);
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">{roleLabels[user.role]}</span>
        Hello, {user.name}
      </h1>
      {!user.totpEnabled && (
        <WarningCallout heading="Protect your account">
          <p>
            Set up an authenticator app, so that your password alone is not enough to sign in as you.{" "}
            <a href="/account/authenticator/set-up">Set up an authenticator app</a>
          </p>
        </WarningCallout>
      )}
      {editorial && <EditorialDashboard {...editorial} />}
      {reviewDue && <ReviewDuePanel {...reviewDue} />}
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {[
          ...sections,
          { href: "/account", label: "Your account", description: "Your password, authenticator app and sessions." },
        ].map((section) => (
          <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={section.href}>
            <Card heading={section.label} href={section.href} description={section.description} />
          </li>
        ))}
      </ul>
    </>
  );
}
