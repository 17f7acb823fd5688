import type { MetaFunction } from "@remix-run/node";
import { pageTitle, serviceName } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Accessibility statement") }];

export default function AccessibilityStatement() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement</h1>
        <p>
          The {serviceName} is where the NHS Race and Health Observatory's staff write, review and publish its content,
          moderate comments and manage who may do what. We want everyone who works with us to be able to use it.
        </p>
        <h2>How it is built</h2>
        <ul>
          <li>It uses the NHS.UK design system's components and patterns.</li>
          <li>Every page is checked automatically against WCAG 2.2 level AA before each release.</li>
          <li>Every form works without JavaScript and with the keyboard alone.</li>
          <li>Errors are listed at the top of the form and next to each answer that needs correcting.</li>
          <li>Signing in with an authenticator app also accepts recovery codes, for anyone who cannot use a phone.</li>
        </ul>
        <h2>Reporting a problem</h2>
        <p>
          If something in the admin is hard to use, tell the administrator who invited you, or the observatory's digital
          team.
        </p>
      </div>
    </div>
  );
}
