import { BackLink, ButtonLink, NotificationBanner, SummaryList } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Authenticator app") }];

const notices: Record<string, string> = {
  "recovery-code-used": "You signed in with a recovery code. It cannot be used again.",
  "turned-off": "Your authenticator app has been turned off. You will sign in with your password only.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args);
  const notice = new URL(args.request.url).searchParams.get("notice") ?? "";
  return { mfa: await api.account.mfa(), notice: notices[notice] ?? null };
}

export default function Authenticator() {
  const { mfa, notice } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/account">Back to your account</BackLink>
        {notice && <NotificationBanner variant="success">{notice}</NotificationBanner>}
        <h1>Authenticator app</h1>
        {mfa.enabledAt ? (
          <>
            <SummaryList
              rows={[
                { key: "Set up", value: formatDateTime(mfa.enabledAt) },
                {
                  key: "Recovery codes left",
                  value: String(mfa.recoveryCodesLeft),
                  action: {
                    href: "/account/authenticator/recovery-codes",
                    label: "Get new codes",
                    visuallyHiddenText: "(recovery codes)",
                  },
                },
              ]}
            />
            {mfa.recoveryCodesLeft <= 3 && (
              <p>
                <strong>You have few recovery codes left.</strong> Get new ones so you can still sign in if you lose
                your phone.
              </p>
            )}
            {mfa.required ? (
              <p>Your role must sign in with an authenticator app, so it cannot be turned off.</p>
            ) : (
              <p>
                <a href="/account/authenticator/turn-off">Turn off your authenticator app</a>
              </p>
            )}
          </>
        ) : (
          <>
            <p>You sign in with your password only. An authenticator app makes a stolen password useless on its own.</p>
            <ButtonLink href="/account/authenticator/set-up">Set up an authenticator app</ButtonLink>
          </>
        )}
      </div>
    </div>
  );
}
