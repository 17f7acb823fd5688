import type { StatusPageContent } from "@observatory/server/status-pages";
import { StatusPage } from "@observatory/ui";
import nhsukCss from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import { renderToStaticMarkup } from "react-dom/server";
import appCss from "~/styles.css?url";
import { adminFooter, adminHeader, serviceName } from "~/lib/site";

/** A page the server answers with itself (too large, refused, unavailable), in the admin's look. */
export function renderStatusPage(page: StatusPageContent): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <StatusPage
      {...page}
      siteName={serviceName}
      stylesheets={[nhsukCss, appCss]}
      header={adminHeader("", null)}
      footer={adminFooter}
    />,
  )}`;
}
