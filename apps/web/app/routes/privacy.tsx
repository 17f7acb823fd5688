import { Breadcrumbs } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmailLink } from "~/components/contact-details";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: "Privacy notice",
    description: "What we store when you comment on this website, why, and for how long.",
    path: "/privacy",
    siteUrl: data?.siteUrl ?? "",
  });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return {
    policy: await caller.comments.privacyPolicy(),
    organisation: await caller.organisation.details(),
    siteUrl: siteUrl(),
  };
}

export default function Privacy() {
  const { policy, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Privacy notice</h1>
          <p className="nhsuk-lede-text">
            This notice explains what the NHS Race and Health Observatory stores when you use this website, and
            especially when you leave a comment.
          </p>
          <h2>Reading the website</h2>
          <p>
            The public website sets no cookies and does not track you. Our servers keep standard technical logs to keep
            the service secure.
          </p>
          <p>
            Everything a page loads comes from this website itself: the page, its stylesheet, its images, and on some
            pages a small script (for the menu, and to send a comment without reloading the page). Nothing is loaded
            from anyone else, so no other organisation learns that you visited. Pages use fonts already on your device
            (Arial, or your device&apos;s sans-serif font) rather than downloading any.
          </p>
          <h2>When you leave a comment</h2>
          <p>We store:</p>
          <ul>
            <li>your name, which is published with your comment once it is approved</li>
            <li>
              your email address, which is never published: we use it only to contact you about your comment, to email
              you when it is published if you ask us to,{" "}
              {policy.trustsApprovedCommenters &&
                "to publish at once the comments of people whose earlier comments we approved, "}
              and to recognise repeated abuse
            </li>
            <li>your comment, the page it is on and when you sent it</li>
            <li>
              a keyed hash of your IP address (a one-way code made from it with a secret key, never the address itself),
              used to limit how many comments can be sent and to block abuse
            </li>
            <li>our moderators' decision about your comment and any internal note about it</li>
          </ul>
          <h2>How long we keep it</h2>
          <ul>
            <li>The hash of your IP address is deleted {policy.ipHashRetentionDays} days after you comment.</li>
            <li>
              Your name, email address and comment are kept for as long as the comment is kept. Comments we reject or
              mark as spam are never published.
            </li>
            <li>
              If our moderators block an email address or IP address hash for abuse, it stays on our blocklist until
              they remove it, so that what is sent from it next goes straight to spam.
            </li>
          </ul>
          <h2 id="email-alerts">When you subscribe to email alerts</h2>
          <p>
            To send the <a href="/alerts">email alerts</a> you ask for, we store your email address, what you chose to
            hear about and how often, when you subscribed and confirmed, a one-way code of the link in your confirmation
            email, when we last sent you a weekly digest, and which alerts we have sent you (so that none is sent
            twice). To stop the form being used to flood someone&apos;s inbox, we also count requests for each address
            for up to two hours. We send nothing until you confirm, and we use your address for nothing else. We rely on
            your consent (UK GDPR Article 6(1)(a)).
          </p>
          <p>
            If you do not confirm within 3 days, we delete the address. Once you confirm, we keep these details until
            you unsubscribe: use the link at the end of any alert, or your email program&apos;s unsubscribe button.
            Unsubscribing deletes them at once.
          </p>
          <h2>Our lawful basis</h2>
          <p>
            We process this information because we have a legitimate interest in hosting a respectful public discussion
            of our work and in protecting it from abuse (UK GDPR Article 6(1)(f)).
          </p>
          <h2>Your rights</h2>
          <p>
            You can ask us for a copy of the comments and details we hold about your email address, and ask us to
            correct or erase them. We can export everything linked to your email address and remove or anonymise your
            comments. To do this,{" "}
            {organisation.privacyEmail ? (
              <>
                email our data protection officer at <EmailLink email={organisation.privacyEmail} />.
              </>
            ) : (
              <>
                write to our data protection officer, using the details on our <a href="/contact">contact page</a>.
              </>
            )}
          </p>
          <p>
            If you are unhappy with how we have handled your information, you can complain to the Information
            Commissioner's Office.
          </p>
        </div>
      </div>
    </>
  );
}
