import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api } from "~/lib/api.server";
import { serviceName } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: serviceName }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { health: await caller.system.health() };
}

export default function AdminHome() {
  const { health } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{serviceName}</h1>
      <p className="nhsuk-lede-text">Write, review and publish the observatory's content, and moderate comments.</p>
      <p>Database: {health.database.status === "ok" ? "connected" : "unavailable"}.</p>
    </>
  );
}
