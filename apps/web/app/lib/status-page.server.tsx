import type { StatusPageContent } from "@observatory/server/status-pages";
import { StatusPage } from "@observatory/ui";
import { renderToStaticMarkup } from "react-dom/server";
import { siteFooter, siteHeader, siteName } from "~/lib/site";
import siteCss from "~/styles/site.scss?url";

/** A page the server answers with itself (too large, refused, unavailable), in the site's look. */
export function renderStatusPage(page: StatusPageContent): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <StatusPage {...page} siteName={siteName} stylesheets={[siteCss]} header={siteHeader("")} footer={siteFooter} />,
  )}`;
}
