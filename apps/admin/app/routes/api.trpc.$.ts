import { handleTrpcRequest } from "@observatory/api";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { refuseCrossOriginWrite } from "~/lib/api.server";

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handleTrpcRequest(request, context.clientIp ?? null);

export const action = ({ request, context }: ActionFunctionArgs) => {
  refuseCrossOriginWrite(request);
  return handleTrpcRequest(request, context.clientIp ?? null);
};
