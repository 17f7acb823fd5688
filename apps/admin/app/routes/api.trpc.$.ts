import { handleTrpcRequest } from "@observatory/api";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handleTrpcRequest(request, context.clientIp ?? null);
export const action = ({ request, context }: ActionFunctionArgs) =>
  handleTrpcRequest(request, context.clientIp ?? null);
