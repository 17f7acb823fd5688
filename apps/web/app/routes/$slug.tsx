import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicHeaders } from "~/lib/headers";
import { ArticlePage, articleMeta } from "~/pages/article";
import { articleLoader } from "~/pages/article.server";

// Pages (About us, Our strategy ...) live at the site root.
export const loader = (args: LoaderFunctionArgs) => articleLoader(args, "page");
export const meta = articleMeta;
export const headers = publicHeaders;
export default ArticlePage;
