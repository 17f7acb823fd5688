import type { StatusPageContent } from "@observatory/server/status-pages";
import { StatusPage } from "@observatory/ui";
import nhsukCss from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import { renderToStaticMarkup } from "react-dom/server";
import appCss from "~/styles.css?url";
import { siteFooter, siteHeader, siteName } from "~/lib/site";

/** A page the server answers with itself (too large, refused, unavailable), in the site's look. */
export function renderStatusPage(page: StatusPageContent): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <StatusPage
      {...page}
      siteName={siteName}
      stylesheets={[nhsukCss, appCss]}
      header={siteHeader("")}
      footer={siteFooter}
    />,
  )}`;
}
