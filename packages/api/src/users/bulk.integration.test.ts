import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("disabling several users at once", () => {
  const h = useHarness();

  it("disables each selected account and ends its sessions, and says why any was refused", async () => {
    const { user: me, api } = await h.signedIn("ADMIN");
    const first = await h.signedIn("AUTHOR", { fields: { name: "Bulk First" } });
    const second = await h.signedIn("MODERATOR", { fields: { name: "Bulk Second" } });
    const already = (await h.signedIn("EDITOR", { fields: { name: "Bulk Already" } })).user;
    await api.users.disable({ id: already.id });

    const result = await api.users.bulkDisable({ ids: [first.user.id, second.user.id, me.id, already.id] });
    expect(result.disabled.map((u) => u.name)).toEqual(["Bulk First", "Bulk Second"]);
    expect(result.refused).toHaveLength(2);
    expect(result.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: already.id, reason: "Already disabled" }),
        expect.objectContaining({ id: me.id, reason: "You cannot disable your own account." }),
      ]),
    );
    await expect(first.browser.call((a) => a.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await h.db.user.count({ where: { id: { in: [first.user.id, second.user.id] }, disabledAt: null } })).toBe(0);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: me.id } })).disabledAt).toBeNull();
    expect(
      await h.db.auditEvent.count({
        where: { action: "user.disabled", targetId: { in: [first.user.id, second.user.id] } },
      }),
    ).toBe(2);
  });

  it("asks for at least one user, and lets no one but an administrator do it", async () => {
    const api = await h.as("ADMIN");
    await expect(api.users.bulkDisable({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const target = (await h.signedIn("AUTHOR")).user;
    for (const role of ["MODERATOR", "EDITOR", "AUTHOR"] as const) {
      const other = await h.as(role);
      await expect(other.users.bulkDisable({ ids: [target.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await h.db.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull();
  });
});
