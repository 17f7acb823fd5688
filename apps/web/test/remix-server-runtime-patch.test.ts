import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { testBuild } from "./remix-build";

// patches/@remix-run__server-runtime@2.17.5.patch (decision 004): a loader's or action's request is
// the request the server was given, not a copy made to strip `index`, `_data` or `_routes`; and
// (decision 031) an entry that exports `serverHandoff = false` is given no route data encoded for
// hydration, so none is encoded.

/** A one-page build, with the app's future flags, that records the request its loader and action see. */
function buildRecording(seen: Request[], entryModule: Record<string, unknown> = {}): ServerBuild {
  const record = ({ request }: { request: Request }) => {
    seen.push(request);
    return null;
  };
  return testBuild(
    { default: () => new Response("page", { headers: { "content-type": "text/html" } }), ...entryModule },
    { root: { id: "root", path: "", module: { default: () => null, loader: record, action: record } } },
    {
      root: {
        id: "root",
        path: "",
        module: "/assets/root.js",
        hasLoader: true,
        hasAction: true,
        hasClientLoader: false,
        hasClientAction: false,
        hasErrorBoundary: false,
      },
    },
  );
}

describe("the patched Remix server runtime", () => {
  it("gives a loader the request the server was given", async () => {
    const seen: Request[] = [];
    const request = new Request("http://localhost/?page=2");
    const response = await createRequestHandler(buildRecording(seen), "production")(request);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(request);
  });

  it("gives an action the request the server was given, body unread", async () => {
    const seen: Request[] = [];
    const request = new Request("http://localhost/", {
      method: "POST",
      body: new URLSearchParams({ name: "Ada" }),
    });
    await createRequestHandler(buildRecording(seen), "production")(request);
    expect(seen[0]).toBe(request);
    expect(await seen[0]?.formData().then((form) => form.get("name"))).toBe("Ada");
  });

  it("encodes the route data for hydration only for an entry that renders it", async () => {
    const streams: unknown[] = [];
    const entry = (serverHandoff?: boolean) => ({
      ...(serverHandoff === undefined ? {} : { serverHandoff }),
      default: (_request: Request, _status: number, _headers: Headers, context: { serverHandoffStream?: unknown }) => {
        streams.push(context.serverHandoffStream);
        return new Response("page", { headers: { "content-type": "text/html" } });
      },
    });
    await createRequestHandler(buildRecording([], entry()), "production")(new Request("http://localhost/"));
    await createRequestHandler(buildRecording([], entry(false)), "production")(new Request("http://localhost/"));
    expect(streams[0]).toBeInstanceOf(ReadableStream);
    expect(streams[1]).toBeUndefined();
  });
});
