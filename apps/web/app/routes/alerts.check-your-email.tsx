import { Breadcrumbs } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta({ title: "Check your email", path: "/alerts/check-your-email", siteUrl: data?.siteUrl ?? "" }),
  { name: "robots", content: "noindex" },
];

export const headers = publicHeaders;

export function loader(_: LoaderFunctionArgs) {
  return { siteUrl: siteUrl() };
}

/** What anyone who sends the subscribe form is told, whether or not the address already gets alerts. */
export default function CheckYourEmail() {
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/alerts", label: "Email alerts" },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check your email</h1>
          <p className="nhsuk-lede-text">We have sent an email to the address you gave us.</p>
          <p>
            Open the link in it to confirm your email alerts. The link works for 3 days. If the address already gets our
            alerts, the email says how to change them instead.
          </p>
          <p>
            If nothing arrives within a few minutes, check your spam or junk folder, or{" "}
            <a href="/alerts">fill in the form again</a>.
          </p>
        </div>
      </div>
    </>
  );
}
