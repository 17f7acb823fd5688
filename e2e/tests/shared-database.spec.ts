import { createDb } from "@observatory/db";
import { createWorkstream } from "@observatory/db/testing";
import { databaseUrl, urls } from "../playwright.config";
import { expect, test } from "../fixtures";

// The two apps are separate processes; on the embedded database they share one PGlite data folder
// served over the PostgreSQL protocol. A change made outside both is seen by both at once, and
// many requests to both at the same time all succeed.

const bySlug = (base: string, slug: string) =>
  `${base}/api/trpc/workstreams.bySlug?input=${encodeURIComponent(JSON.stringify({ slug }))}`;

test("both apps see the same data at the same time, and concurrent requests to both do not error", async ({
  request,
}) => {
  test.setTimeout(120_000);
  // A connection of its own, as another tool or instance would have.
  const db = createDb(databaseUrl, 2);
  const slug = `shared-proof-${Date.now()}`;
  try {
    await createWorkstream(db, { slug, title: "First title", position: 99 });
    for (const base of [urls.web, urls.admin]) {
      const body = await (await request.get(bySlug(base, slug))).json();
      expect(body.result.data.title).toBe("First title");
    }

    await db.workstream.update({ where: { slug }, data: { title: "Second title" } });
    for (const base of [urls.web, urls.admin]) {
      const body = await (await request.get(bySlug(base, slug))).json();
      expect(body.result.data.title).toBe("Second title");
    }

    // Cached public pages follow the change (database triggers bump the content version and notify
    // the web process): within the moment the notification takes to arrive, which
    // notifications.integration.test.ts bounds at 100 ms; here the machine may be busy.
    const page = async () => (await request.get(`${urls.web}/priorities`)).text();
    await page();
    expect(await page()).toContain("Second title");
    await db.workstream.update({ where: { slug }, data: { title: "Third title" } });
    await expect.poll(page, { timeout: 5_000, intervals: [50] }).toContain("Third title");

    const paths = ["/healthz", "/api/trpc/workstreams.list", "/"];
    const responses = await Promise.all(
      Array.from({ length: 240 }, (_, i) => {
        const base = i % 2 === 0 ? urls.web : urls.admin;
        const path = paths[i % paths.length] ?? "/";
        return request.get(`${base}${path === "/" && base === urls.admin ? "/healthz" : path}`);
      }),
    );
    const failures = responses.filter((r) => r.status() !== 200).map((r) => `${r.url()} ${r.status()}`);
    expect(failures).toEqual([]);
  } finally {
    await db.workstream.deleteMany({ where: { slug } });
    await db.$disconnect();
  }
});
