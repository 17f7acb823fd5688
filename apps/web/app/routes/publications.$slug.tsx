import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { sectionFeedLinks } from "~/lib/feeds";
import { publicHeaders } from "~/lib/headers";
import { ArticlePage, articleHandle, articleMeta } from "~/pages/article";
import { articleLoader, commentAction } from "~/pages/article.server";

export const loader = (args: LoaderFunctionArgs) => articleLoader(args, "publications");
export const action = (args: ActionFunctionArgs) => commentAction(args);
export const meta = articleMeta;
export const handle = articleHandle;
export const headers = publicHeaders;
export const links = () => sectionFeedLinks("publications");
export default ArticlePage;
