import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { publicHeaders } from "~/lib/headers";
import { ArticlePage, articleHandle, articleMeta } from "~/pages/article";
import { articleLoader, commentAction } from "~/pages/article.server";

export const loader = (args: LoaderFunctionArgs) => articleLoader(args, "press-releases");
export const action = (args: ActionFunctionArgs) => commentAction(args);
export const meta = articleMeta;
export const handle = articleHandle;
export const headers = publicHeaders;
export default ArticlePage;
