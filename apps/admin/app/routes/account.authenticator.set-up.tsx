import { Button, ButtonLink, DocumentTitle, InsetText, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { RecoveryCodes } from "~/components/recovery-codes";
import { formFailure, textField } from "~/lib/forms.server";
import { qrCodeDataUrl } from "~/lib/qr-code.server";
import { redirectTarget, requireSession, withRedirectTo } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

// The set-up token (the sealed, not yet saved secret) is in the address: keep it out of Referer headers.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader(args: LoaderFunctionArgs) {
  const { api, session } = await requireSession(args);
  const redirectTo = redirectTarget(args.request);
  if (session.mfa === "verify") throw redirect(withRedirectTo("/sign-in/verify", redirectTo));
  if (session.user.totpEnabled) return { enabled: true as const, redirectTo };

  // The secret stays the same across reloads and wrong codes: its sealed form rides in the address.
  const url = new URL(args.request.url);
  const given = url.searchParams.get("setup") ?? undefined;
  const setup = await api.account.totpSetup({ setupToken: given });
  if (setup.setupToken !== given) {
    url.searchParams.set("setup", setup.setupToken);
    throw redirect(`${url.pathname}${url.search}`);
  }
  return {
    enabled: false as const,
    redirectTo,
    required: session.mfa === "enrol",
    secret: setup.secret,
    setupToken: setup.setupToken,
    qrCode: await qrCodeDataUrl(setup.uri),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api, responseHeaders } = await requireSession(args);
  const form = await args.request.formData();
  try {
    const { recoveryCodes } = await api.account.enableTotp({
      setupToken: textField(form, "setupToken"),
      code: textField(form, "code"),
    });
    return data({ ok: true as const, recoveryCodes }, { headers: responseHeaders });
  } catch (error) {
    return formFailure(error);
  }
}

/** The secret in groups of four, as authenticator apps show it, for typing in by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export default function SetUpAuthenticator() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = formState(result);

  if (result?.ok) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <DocumentTitle title={pageTitle("Your authenticator app is set up")} />
          <h1>Your authenticator app is set up</h1>
          <p>From now on, you will enter a code from the app each time you sign in.</p>
          <RecoveryCodes codes={result.recoveryCodes} />
          <ButtonLink href={page.redirectTo}>Continue</ButtonLink>
        </div>
      </div>
    );
  }
  if (page.enabled) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <DocumentTitle title={pageTitle("You already have an authenticator app")} />
          <h1>You already have an authenticator app</h1>
          <p>
            <a href="/account/authenticator">Manage your authenticator app</a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Set up an authenticator app" state={state} fields={["code"]} />
        <h1>Set up an authenticator app</h1>
        {page.required && (
          <InsetText>Your role must sign in with an authenticator app. Set one up to continue.</InsetText>
        )}
        <p>
          An authenticator app on your phone (such as Microsoft Authenticator or Google Authenticator) shows a new
          6-digit code every 30 seconds. You will enter one each time you sign in, so a stolen password is not enough to
          get into your account.
        </p>
        <h2>1. Add the Observatory admin to the app</h2>
        <p>In the app, add an account and scan this QR code:</p>
        <img
          src={page.qrCode}
          alt="QR code to add the Observatory admin to your authenticator app"
          width={200}
          height={200}
        />
        <p>If you cannot scan it, choose to enter a setup key and type in:</p>
        <p>
          <code className="nhsuk-u-font-size-24" data-testid="totp-secret">
            {grouped(page.secret)}
          </code>
        </p>
        <h2>2. Enter the code the app shows</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="setupToken" value={page.setupToken} />
          <TextInput
            id="code"
            name="code"
            label="Security code"
            hint="The 6-digit code for the Observatory admin."
            autoComplete="one-time-code"
            spellCheck={false}
            width={10}
            error={state.fieldErrors.code}
          />
          <Button>Turn on</Button>
        </Form>
      </div>
    </div>
  );
}
