import type { LoaderFunctionArgs } from "@remix-run/node";
import { api } from "~/lib/api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const health = await caller.system.health();
  return Response.json(
    { app: "web", ...health },
    {
      status: health.status === "ok" ? 200 : 503,
      headers: { "cache-control": "no-store" },
    },
  );
}
