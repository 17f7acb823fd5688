import { Breadcrumbs } from "@observatory/ui";
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: "Accessibility statement",
    description: "How accessible this website is, and how to tell us about a problem.",
    path: "/accessibility",
    siteUrl: data?.siteUrl ?? "",
  });

export const headers = publicHeaders;

export function loader() {
  return { siteUrl: siteUrl() };
}

export default function Accessibility() {
  useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Accessibility statement</h1>
          <p className="nhsuk-lede-text">
            We want as many people as possible to be able to use this website, whatever their device or the way they
            read it.
          </p>
          <p>You should be able to:</p>
          <ul>
            <li>change colours, contrast levels and fonts using your browser or device settings</li>
            <li>zoom in up to 400% without the text spilling off the screen</li>
            <li>navigate the whole website using just a keyboard</li>
            <li>use the website with a screen reader or speech recognition software</li>
            <li>use every page, including the comment form, with JavaScript turned off</li>
          </ul>
          <h2>How accessible this website is</h2>
          <p>
            This website is built on the NHS.UK design system and aims to meet the Web Content Accessibility Guidelines
            (WCAG) version 2.2 at level AA. Every type of page is checked with automated accessibility testing each time
            the website changes, alongside manual checks with a keyboard and a screen reader.
          </p>
          <p>
            Some documents we link to, such as reports published by other organisations, may not be fully accessible.
          </p>
          <h2>Reporting a problem</h2>
          <p>
            If you find a problem, or need information in a different format such as large print or easy read, contact
            the observatory's communications team. Tell us the web address of the page and what went wrong. We will
            reply within 10 working days.
          </p>
          <h2>Enforcement procedure</h2>
          <p>
            The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
            (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we
            respond to your complaint, contact the Equality Advisory and Support Service (EASS).
          </p>
          <h2>Preparation of this statement</h2>
          <p>This statement was prepared on 21 November 2026 and is reviewed every year.</p>
        </div>
      </div>
    </>
  );
}
