import { formatDate } from "@observatory/time";
import { Breadcrumbs } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmailLink } from "~/components/contact-details";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

// The accessibility statement in the shape of the UK government's model statement for public
// sector websites: its compliance status, the content that fails, the contact for problems and the
// dates come from the organisation settings (decision 024); the rest says what this website does.

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: "Accessibility statement",
    description:
      "How accessible this website is, what does not meet the standard yet, and how to tell us about a problem.",
    path: "/accessibility",
    siteUrl: data?.siteUrl ?? "",
  });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { organisation: await caller.organisation.details(), siteUrl: siteUrl() };
}

const WCAG = <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a>;

const complianceSentences = {
  full: <>This website is fully compliant with the {WCAG} AA standard.</>,
  partial: <>This website is partially compliant with the {WCAG} AA standard, due to the problems listed below.</>,
  none: (
    <>This website is not compliant with the {WCAG} AA standard. The parts that are not accessible are listed below.</>
  ),
};

export default function Accessibility() {
  const { organisation: o, siteUrl } = useLoaderData<typeof loader>();
  const problems = o.nonAccessibleContent ? o.nonAccessibleContent.split("\n") : [];
  const contact = o.accessibilityEmail ? (
    <>
      email <EmailLink email={o.accessibilityEmail} />
    </>
  ) : (
    <>
      use the details on our <a href="/contact">contact page</a>
    </>
  );
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Accessibility statement</h1>
          <p className="nhsuk-lede-text">
            This statement applies to the NHS Race and Health Observatory website at {new URL(siteUrl).host}.
          </p>
          <p>
            This website is run by the NHS Race and Health Observatory. We want as many people as possible to be able to
            use it. For example, that means you should be able to:
          </p>
          <ul>
            <li>change colours, contrast levels and fonts using your browser or device settings</li>
            <li>zoom in up to 400% without the text spilling off the screen</li>
            <li>navigate the whole website using just a keyboard</li>
            <li>navigate the whole website using speech recognition software</li>
            <li>listen to the whole website using a screen reader</li>
            <li>use every page, including the comment form, with JavaScript turned off</li>
          </ul>
          <p>We have also made the text of the website as simple as possible to understand.</p>
          <p>
            <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if
            you have a disability.
          </p>

          <h2>How accessible this website is</h2>
          {problems.length > 0 ? (
            <p>
              We know some parts of this website are not fully accessible: they are listed under{" "}
              <a href="#non-accessible-content">non-accessible content</a> below.
            </p>
          ) : (
            <p>We know of no part of this website that does not meet the standard.</p>
          )}
          <p>
            We publish our work as web pages, not as PDFs or other documents to download. The website runs no scripts
            from other organisations and embeds no videos, maps or social media posts: everything a page needs comes
            from this website, and pages work fully without JavaScript.
          </p>

          <h2>Feedback and contact information</h2>
          <p>
            If you need anything on this website in a different format, such as large print, easy read, an audio
            recording or braille, {contact}. We will consider your request and get back to you within 10 working days.
          </p>

          <h2>Reporting accessibility problems with this website</h2>
          <p>
            We are always looking to improve the accessibility of this website. If you find a problem that is not listed
            on this page, or you think we are not meeting the accessibility requirements, {contact}. Tell us the web
            address of the page and what went wrong.
          </p>

          <h2>Enforcement procedure</h2>
          <p>
            The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
            (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations).
            If you are not happy with how we respond to your complaint, contact the{" "}
            <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
          </p>
          <p>
            If you are in Northern Ireland and are not happy with how we respond to your complaint, contact the{" "}
            <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland</a>.
          </p>

          <h2>Technical information about this website's accessibility</h2>
          <p>
            The NHS Race and Health Observatory is committed to making its website accessible, in accordance with the
            Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
          </p>
          <h3>Compliance status</h3>
          <p>{complianceSentences[o.complianceStatus]}</p>

          <h2 id="non-accessible-content">Non-accessible content</h2>
          {problems.length > 0 ? (
            <>
              <p>The content listed below is not accessible, for the reasons given.</p>
              <h3>Non-compliance with the accessibility regulations</h3>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>We know of no content on this website that fails the standard.</p>
          )}
          <h3>Content that is not within the scope of the accessibility regulations</h3>
          <p>
            Links to other websites, including the reports of other organisations and the networks under “Share this
            page”, lead to content we do not run. Tell us if one of them stops you using our content, and we will find
            another way to give it to you.
          </p>

          <h2>What we are doing to improve accessibility</h2>
          <p>
            This website is built on the NHS.UK design system. Every type of page is checked with automated
            accessibility testing each time the website changes, alongside checks with a keyboard and a screen reader.
            Before anything is published, our publishing system checks it: an empty heading or one out of order, an
            image without a text alternative, a table without a header row or a link with no text stops it until it is
            fixed, and vague link text, long sentences and text in capitals are shown to the editor to fix or explain.
          </p>

          <h2>Preparation of this accessibility statement</h2>
          <p>
            {o.statementPreparedOn && <>This statement was prepared on {formatDate(o.statementPreparedOn)}. </>}
            {o.statementReviewedOn && <>It was last reviewed on {formatDate(o.statementReviewedOn)}. </>}
            We review it at least once a year, and whenever the website changes in a way that affects its accessibility.
          </p>
        </div>
      </div>
    </>
  );
}
