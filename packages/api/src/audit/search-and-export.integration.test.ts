import { createItem } from "@observatory/db/testing";
import { describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { EXPORT_BATCH, exportFilename } from "./export.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

describe("searching and exporting the audit log", () => {
  const h = useHarness();

  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 9, minutes));

  async function event(fields: {
    actorId?: string | null;
    action?: string;
    targetType?: string;
    targetId?: string | null;
    summary: string;
    createdAt?: Date;
  }) {
    return h.db.auditEvent.create({
      data: { action: "test.searched", targetType: "Thing", createdAt: at(0), ...fields },
    });
  }

  async function exportText(api: Caller, input: Parameters<Caller["audit"]["export"]>[0]) {
    const { filename, chunks } = await api.audit.export(input);
    let text = "";
    for await (const chunk of chunks) text += chunk;
    return { filename, text };
  }

  it("finds words in the summary, the action and the target, and who acted by name or email, with the other filters", async () => {
    const { user: admin, api } = await h.signedIn("ADMIN");
    const { user: editor } = await h.signedIn("EDITOR", {
      fields: { name: "Quentin Marsh", email: "qmarsh@observatory.test" },
    });
    const published = await event({ actorId: admin.id, summary: "Published “Sickle cell outcomes”", createdAt: at(1) });
    const byAction = await event({
      actorId: admin.id,
      action: "test.zanzibarAction",
      summary: "Something",
      createdAt: at(2),
    });
    const byTarget = await event({
      actorId: null,
      targetType: "Thing",
      targetId: "target-xylophone",
      summary: "x",
      createdAt: at(3),
    });
    const byEditor = await event({ actorId: editor.id, summary: "Changed a draft", createdAt: at(4) });

    const ids = async (input: Parameters<Caller["audit"]["list"]>[0]) =>
      (await api.audit.list(input)).events.map((e) => e.id);
    expect(await ids({ q: "sickle CELL" })).toEqual([published.id]);
    expect(await ids({ q: "zanzibar" })).toEqual([byAction.id]);
    expect(await ids({ q: "xylophone" })).toEqual([byTarget.id]);
    // Who acted, by the name and email address they have now.
    expect(await ids({ q: "quentin" })).toEqual([byEditor.id]);
    expect(await ids({ q: "qmarsh@" })).toEqual([byEditor.id]);
    await h.db.user.update({ where: { id: editor.id }, data: { name: "Quinn Hollis" } });
    expect(await ids({ q: "hollis" })).toEqual([byEditor.id]);
    // On top of the filters: the same words, another actor or day, find nothing.
    expect(await ids({ q: "sickle", actorId: admin.id })).toEqual([published.id]);
    expect(await ids({ q: "sickle", actorId: editor.id })).toEqual([]);
    expect(await ids({ q: "sickle", from: "11/03/2026" })).toEqual([]);
    // Wildcards typed are searched for as themselves.
    expect(await ids({ q: "%%%" })).toEqual([]);
    expect(await ids({ q: "___" })).toEqual([]);
  });

  it("pages through the matches of a search with a cursor, newest first, without gaps or repeats", async () => {
    const api = await h.as("ADMIN");
    const created = [];
    for (let i = 0; i < 7; i += 1)
      created.push(await event({ summary: `Renamed the quokka group ${i}`, createdAt: at(i % 3) }));
    await event({ summary: "Renamed another group", createdAt: at(1) });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await api.audit.list({ q: "quokka", limit: 3, cursor });
      seen.push(...result.events.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const expected = [...created].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(expected.map((e) => e.id));
  });

  it("refuses a search too short to look up or too long, saying so beside the field", async () => {
    const api = await h.as("ADMIN");
    const refusal = (call: Promise<unknown>) =>
      call.then(
        () => null,
        (error) => toFormErrors(error),
      );
    expect(await refusal(api.audit.list({ q: "ab" }))).toEqual({
      formError: null,
      fieldErrors: { q: "Search for at least 3 characters" },
    });
    expect((await refusal(api.audit.export({ q: "x".repeat(201) })))?.fieldErrors).toEqual({
      q: "Search for 200 characters or fewer",
    });
    expect(await h.db.auditEvent.count({ where: { action: "audit.exported" } })).toBe(0);
  });

  it("links each event to the page of what it is about, and says when that no longer exists", async () => {
    const { user: admin, api } = await h.signedIn("ADMIN");
    const { id: itemId } = await createItem(h.db, { authorId: admin.id });
    const gone = await createItem(h.db, { authorId: admin.id });
    await h.db.contentItem.delete({ where: { id: gone.id } });
    await event({ summary: "tgt live item", targetType: "ContentItem", targetId: itemId });
    await event({ summary: "tgt gone item", targetType: "ContentItem", targetId: gone.id });
    await event({ summary: "tgt user", targetType: "User", targetId: admin.id });
    await event({ summary: "tgt gone group", targetType: "ReviewGroup", targetId: "no-such-group" });
    await event({ summary: "tgt setting", targetType: "Setting", targetId: "security.mfaRequiredRoles" });
    await event({ summary: "tgt procedure", targetType: "Procedure", targetId: "audit.list" });
    const { events } = await api.audit.list({ q: "tgt " });
    const targets = Object.fromEntries(events.map((e) => [e.summary, e.target]));
    expect(targets).toEqual({
      "tgt live item": { kind: "page", path: `/content/${itemId}` },
      "tgt gone item": { kind: "gone" },
      "tgt user": { kind: "page", path: `/users/${admin.id}` },
      "tgt gone group": { kind: "gone" },
      "tgt setting": { kind: "page", path: "/settings/security" },
      "tgt procedure": { kind: "none" },
    });
  });

  it("exports the filtered view as CSV in batches, defuses formulas, and records the export", async () => {
    const { user: admin, api } = await h.signedIn("ADMIN");
    const many = Array.from({ length: EXPORT_BATCH + 5 }, (_, i) => ({
      action: "test.bulkExport",
      targetType: "Thing",
      summary: `Bulk event ${i}`,
      createdAt: new Date(at(0).getTime() + (i % 10) * 1000),
    }));
    await h.db.auditEvent.createMany({ data: many });
    const { filename, text } = await exportText(api, { action: "test.bulkExport" });
    expect(filename).toBe(exportFilename(new Date()));
    expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "\ufeffTime (UTC),Time (UK),Who,Who's email,Action,What happened,Changes,Target type,Target ID,Event ID",
    );
    expect(lines).toHaveLength(EXPORT_BATCH + 6);
    const summaries = new Set(lines.slice(1).map((line) => /Bulk event \d+/.exec(line)?.[0]));
    expect(summaries.size).toBe(EXPORT_BATCH + 5);
    expect(lines[1]).toContain(
      "2026-03-10T09:00:09.000Z,10 March 2026 at 9:00am GMT,Someone not signed in,,test.bulkExport",
    );

    // What people typed can start with a formula: the spreadsheet must show it, not run it.
    await event({ actorId: admin.id, action: "test.formula", summary: '=HYPERLINK("http://evil.example","click")' });
    await event({ actorId: admin.id, action: "test.formula", summary: "+1, @SUM(A1), -2" });
    const formulas = (await exportText(api, { action: "test.formula" })).text;
    expect(formulas).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(formulas).toContain(`"'+1, @SUM(A1), -2"`);

    const exports = await h.db.auditEvent.findMany({ where: { action: "audit.exported", actorId: admin.id } });
    expect(exports.map((e) => e.summary)).toEqual([
      `${admin.name} exported the audit log (action test.bulkExport)`,
      `${admin.name} exported the audit log (action test.formula)`,
    ]);
  });

  it("exports each settings change with its value before and after", async () => {
    const { user, api } = await h.signedIn("ADMIN");
    await api.moderation.updateRetention({ ipHashRetentionDays: 31 });
    const { text } = await exportText(api, { actorId: user.id, action: "settings.ipHashRetentionChanged" });
    expect(text).toMatch(/Days after which comment IP hashes are cleared: \d+ → 31/);
    const { events } = await api.audit.list({ actorId: user.id, action: "settings.ipHashRetentionChanged" });
    expect(events[0]?.target).toEqual({ kind: "page", path: "/comments/privacy" });
  });

  it("lets no editor, author or moderator search or export the log, and records each refusal", async () => {
    await event({ summary: "An event nobody but administrators may read" });
    for (const role of ["EDITOR", "AUTHOR", "MODERATOR"] as const) {
      const { user, api } = await h.signedIn(role);
      await expect(api.audit.list({ q: "administrators" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.audit.export({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.audit.filters()).rejects.toMatchObject({ code: "FORBIDDEN" });
      const theirs = await h.db.auditEvent.findMany({ where: { actorId: user.id } });
      expect(theirs.map((e) => [e.action, e.targetId]).sort()).toEqual([
        ["access.refused", "audit.export"],
        ["access.refused", "audit.filters"],
        ["access.refused", "audit.list"],
      ]);
    }
    await expect((await h.anonymous()).audit.export({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
