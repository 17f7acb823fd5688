import { describe, expect, it } from "vitest";
import { appRouter } from "../root.ts";
import { useHarness } from "../testing/harness.ts";
import { listProcedures } from "../testing/procedures.ts";

describe("the audit log", () => {
  const h = useHarness();

  async function event(fields: {
    actorId: string | null;
    action: string;
    targetType: string;
    targetId?: string;
    createdAt: Date;
  }) {
    return h.db.auditEvent.create({ data: { summary: `${fields.action} happened`, ...fields } });
  }

  it("filters by actor, action, target and London date range, newest first", async () => {
    const { user: admin, api } = await h.signedIn("ADMIN");
    const { user: editor } = await h.signedIn("EDITOR");
    // 00:30 BST on 15 July, midday, and 00:30 BST on 16 July.
    await event({
      actorId: editor.id,
      action: "test.one",
      targetType: "Thing",
      targetId: "t1",
      createdAt: new Date("2026-07-14T23:30:00Z"),
    });
    await event({
      actorId: editor.id,
      action: "test.two",
      targetType: "Thing",
      targetId: "t2",
      createdAt: new Date("2026-07-15T12:00:00Z"),
    });
    await event({
      actorId: admin.id,
      action: "test.one",
      targetType: "Other",
      targetId: "t1",
      createdAt: new Date("2026-07-15T23:30:00Z"),
    });

    const byActor = await api.audit.list({ actorId: editor.id });
    expect(byActor.events.map((e) => e.action)).toEqual(["test.two", "test.one"]);
    expect(byActor.events[0]?.actor).toMatchObject({ id: editor.id, name: editor.name });
    expect((await api.audit.list({ action: "test.one" })).events).toHaveLength(2);
    expect((await api.audit.list({ targetType: "Thing", targetId: "t1" })).events.map((e) => e.action)).toEqual([
      "test.one",
    ]);
    // 15 July in London (BST) runs from 23:00 UTC on the 14th to 23:00 UTC on the 15th.
    const day = await api.audit.list({ from: "15/07/2026", to: "15/07/2026" });
    expect(day.events.map((e) => e.createdAt.toISOString())).toEqual([
      "2026-07-15T12:00:00.000Z",
      "2026-07-14T23:30:00.000Z",
    ]);
    const filters = await api.audit.filters();
    expect(filters.actions).toEqual(expect.arrayContaining(["test.one", "test.two"]));
    expect(filters.targetTypes).toEqual(expect.arrayContaining(["Thing", "Other"]));
    expect(filters.actors.map((a) => a.id)).toEqual(expect.arrayContaining([admin.id, editor.id]));
  });

  it("refuses a date that is not real, or a range that ends before it starts", async () => {
    const api = await h.as("ADMIN");
    await expect(api.audit.list({ from: "31/02/2026" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.audit.list({ from: "02/01/2026", to: "01/01/2026" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("pages through events with a cursor, without gaps or repeats, even when events share a time", async () => {
    const { user, api } = await h.signedIn("ADMIN");
    const at = new Date("2026-01-10T10:00:00Z");
    for (let i = 0; i < 7; i += 1)
      await event({ actorId: user.id, action: "test.page", targetType: "Page", createdAt: at });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await api.audit.list({ action: "test.page", limit: 3, cursor });
      seen.push(...result.events.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("is for administrators only", async () => {
    for (const role of ["EDITOR", "AUTHOR", "MODERATOR"] as const) {
      await expect((await h.as(role)).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await h.anonymous()).audit.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("offers no way to change or delete events", () => {
    const procedures = listProcedures(appRouter).filter(({ path }) => path.startsWith("audit."));
    expect(procedures.length).toBeGreaterThan(0);
    for (const { path, type } of procedures) expect(type, path).toBe("query");
  });
});
