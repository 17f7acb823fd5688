import { Breadcrumbs, InsetText } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContactLines, EmailLink, PostalAddress } from "~/components/contact-details";
import { PressOffice } from "~/components/press-office";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

// The organisation's contact details, as administrators set them (decision 024). A section whose
// details are all empty is left out.

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: "Contact us",
    description:
      "How to contact the NHS Race and Health Observatory, its press office and its data protection officer.",
    path: "/contact",
    siteUrl: data?.siteUrl ?? "",
  });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { organisation: await caller.organisation.details(), siteUrl: siteUrl() };
}

export default function Contact() {
  const { organisation: o } = useLoaderData<typeof loader>();
  const hasEnquiries = Boolean(o.enquiriesEmail || o.enquiriesPhone || o.postalAddress);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Contact us</h1>
          <p className="nhsuk-lede-text">How to get in touch with the NHS Race and Health Observatory.</p>
          <InsetText>
            <p>
              We cannot give medical advice or help with your own care. If you need medical help, use{" "}
              <a href="https://111.nhs.uk/">NHS 111 online</a> or call 111. In an emergency, call 999.
            </p>
          </InsetText>
          {hasEnquiries && (
            <section aria-labelledby="enquiries-heading">
              <h2 id="enquiries-heading">General enquiries</h2>
              <ContactLines
                lines={[
                  { label: "Email", email: o.enquiriesEmail },
                  { label: "Telephone", phone: o.enquiriesPhone },
                ]}
              />
              {o.postalAddress && (
                <>
                  <h3>By post</h3>
                  <PostalAddress address={o.postalAddress} />
                </>
              )}
            </section>
          )}
          <PressOffice details={o} />
          <section aria-labelledby="accessibility-heading" className="nhsuk-u-margin-top-6">
            <h2 id="accessibility-heading">Accessibility</h2>
            <p>
              {o.accessibilityEmail ? (
                <>
                  To report a problem with this website, or to ask for something we publish in another format, email{" "}
                  <EmailLink email={o.accessibilityEmail} />.{" "}
                </>
              ) : null}
              Our <a href="/accessibility">accessibility statement</a> says how accessible this website is.
            </p>
          </section>
          <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">Your personal data</h2>
            <p>
              {o.privacyEmail ? (
                <>
                  To ask what personal data we hold about you, or to have it corrected or erased, email our data
                  protection officer at <EmailLink email={o.privacyEmail} />.{" "}
                </>
              ) : null}
              Our <a href="/privacy">privacy notice</a> says what we keep and why.
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
