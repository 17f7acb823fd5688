import pg from "pg";
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
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const slug = `shared-proof-${Date.now()}`;
  try {
    await client.query(
      `INSERT INTO "Workstream" (id, slug, title, summary, description, "descriptionHtml", position, "updatedAt")
       VALUES ($1, $2, 'First title', 's', 'd', '<p>d</p>', 99, now())`,
      [`e2e_${slug}`, slug],
    );
    for (const base of [urls.web, urls.admin]) {
      const body = await (await request.get(bySlug(base, slug))).json();
      expect(body.result.data.title).toBe("First title");
    }

    await client.query(`UPDATE "Workstream" SET title = 'Second title' WHERE slug = $1`, [slug]);
    for (const base of [urls.web, urls.admin]) {
      const body = await (await request.get(bySlug(base, slug))).json();
      expect(body.result.data.title).toBe("Second title");
    }

    // Cached public pages follow the change at once (database triggers bump the content version).
    const page = async () => (await request.get(`${urls.web}/priorities`)).text();
    await page();
    expect(await page()).toContain("Second title");
    await client.query(`UPDATE "Workstream" SET title = 'Third title' WHERE slug = $1`, [slug]);
    expect(await page()).toContain("Third title");

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
    await client.query(`DELETE FROM "Workstream" WHERE slug = $1`, [slug]);
    await client.end();
  }
});
