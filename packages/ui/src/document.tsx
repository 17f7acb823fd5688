import type { ReactNode } from "react";
import { useNonce } from "./nonce";

// nhsuk-frontend's own snippet: components enhance only where the browser supports them.
const bodyClassScript =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');";

export type DocumentProps = {
  /** The page's own head elements (the app's meta and links), after the charset and viewport. */
  head: ReactNode;
  /** The app's scripts, at the end of the body. */
  scripts: ReactNode;
  children: ReactNode;
};

/** The HTML document every page of both apps is rendered in, in British English. */
export function Document({ head, scripts, children }: DocumentProps) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {head}
      </head>
      {/* The snippet below changes the body's class before hydration. */}
      <body suppressHydrationWarning>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant snippet from nhsuk-frontend, no user input */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: bodyClassScript }} />
        {children}
        {scripts}
      </body>
    </html>
  );
}
