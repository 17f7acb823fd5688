import type { UserModel as User } from "@observatory/db";
import { bodyOf } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const draft = (title: string, kind: "NEWS" | "BLOG" = "NEWS") => ({
  title,
  summary: `About ${title}`,
  body: bodyOf(`${title}\n\nThe body of ${title}.`),
  kind,
});

const reason = "The trust's statement goes out at noon and ours must answer it the same hour.";

describe("publishing without review (the recorded emergency route)", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let editor: { user: User; api: Caller };
  let secondEditor: { user: User; api: Caller };
  let admin: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
    secondEditor = await h.signedIn("EDITOR");
    admin = await h.as("ADMIN");
  });

  const publicTitle = async (slug: string) => {
    const result = await (await h.anonymous()).content.article({ section: "news", slug }).catch(() => null);
    return result?.kind === "item" ? result.item.title : null;
  };

  it("publishes an unreviewed draft with a reason, flags it, and records who and why", async () => {
    const created = await author.api.editorial.create(draft("Statement on the maternity review"));
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });

    await editor.api.editorial.forcePublish({ itemId: created.itemId, revisionId: created.revisionId, reason });

    expect(await publicTitle(created.slug)).toBe("Statement on the maternity review");
    const item = await h.db.contentItem.findUniqueOrThrow({ where: { id: created.itemId } });
    expect(item).toMatchObject({ status: "PUBLISHED", liveRevisionId: created.revisionId });
    // The review that was under way is overtaken.
    expect(await h.db.reviewRound.count({ where: { revisionId: created.revisionId, status: "IN_PROGRESS" } })).toBe(0);

    const open = await editor.api.editorial.forcedPublications({ state: "open" });
    expect(open.find((f) => f.item.id === created.itemId)).toMatchObject({
      reason,
      publishedBy: { name: editor.user.name },
      reviewedAt: null,
    });
    const list = await editor.api.editorial.list({ q: "maternity review" });
    expect(list.items.find((i) => i.id === created.itemId)?.publishedWithoutReview).toBe(true);
    expect((await editor.api.editorial.list({ unreviewed: true })).items.map((i) => i.id)).toContain(created.itemId);

    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "content.forcePublish", targetId: created.itemId },
    });
    expect(audit).toMatchObject({ actorId: editor.user.id, data: { revisionId: created.revisionId, reason } });
  });

  it("needs a reason, written beside the field, and changes nothing without one", async () => {
    const created = await author.api.editorial.create(draft("Statement on pulse oximeters"));
    const refused = await refusal(
      editor.api.editorial.forcePublish({ itemId: created.itemId, revisionId: created.revisionId, reason: "urgent" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.form?.fieldErrors.reason).toMatch(/at least 20 characters/);
    expect(await publicTitle(created.slug)).toBeNull();
    expect(await h.db.forcedPublication.count({ where: { itemId: created.itemId } })).toBe(0);
  });

  it("is for editors only, on the latest revision, and only for the kinds an administrator allows", async () => {
    const created = await author.api.editorial.create(draft("An author in a hurry"));
    const byAuthor = await refusal(
      author.api.editorial.forcePublish({ itemId: created.itemId, revisionId: created.revisionId, reason }),
    );
    expect(byAuthor.code).toBe("FORBIDDEN");

    const blog = await author.api.editorial.create(draft("A blog that can wait", "BLOG"));
    const refusedKind = await refusal(
      editor.api.editorial.forcePublish({ itemId: blog.itemId, revisionId: blog.revisionId, reason }),
    );
    expect(refusedKind.message).toMatch(/Blogs cannot be published without review/);

    expect(await admin.editorial.forcePublishKinds()).toEqual(["NEWS", "PRESS_RELEASE"]);
    await admin.editorial.updateForcePublishKinds({ kinds: ["BLOG", "NEWS"] });
    expect(await editor.api.editorial.forcePublishKinds()).toEqual(["NEWS", "BLOG"]);
    const changed = await h.db.auditEvent.findFirstOrThrow({ where: { action: "settings.forcePublish" } });
    expect(changed.summary).toMatch(/Blogs: may be published without review/);
    await editor.api.editorial.forcePublish({ itemId: blog.itemId, revisionId: blog.revisionId, reason });
    await admin.editorial.updateForcePublishKinds({ kinds: ["NEWS", "PRESS_RELEASE"] });

    const settingByEditor = await refusal(editor.api.editorial.updateForcePublishKinds({ kinds: [] }));
    expect(settingByEditor.code).toBe("FORBIDDEN");

    // Once on the site there is nothing left to publish without review.
    await editor.api.editorial.forcePublish({ itemId: created.itemId, revisionId: created.revisionId, reason });
    const again = await refusal(
      editor.api.editorial.forcePublish({ itemId: created.itemId, revisionId: created.revisionId, reason }),
    );
    expect(again.code).toBe("CONFLICT");
  });

  it("is reviewed afterwards by a second editor, once, and then no longer flagged", async () => {
    const created = await author.api.editorial.create(draft("Statement on neonatal jaundice"));
    await editor.api.editorial.forcePublish({ itemId: created.itemId, revisionId: created.revisionId, reason });
    const [forced] = await editor.api.editorial.forcedPublicationsOf({ itemId: created.itemId });
    if (!forced) throw new Error("expected the publication to be recorded");

    const ownReview = await refusal(editor.api.editorial.reviewForcedPublication({ id: forced.id, note: "" }));
    expect(ownReview.message).toMatch(/a second editor must review it/);

    await secondEditor.api.editorial.reviewForcedPublication({ id: forced.id, note: "Checked the figures: right." });
    const twice = await refusal(admin.editorial.reviewForcedPublication({ id: forced.id, note: "" }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toMatch(new RegExp(`${secondEditor.user.name} already reviewed this`));

    const list = await editor.api.editorial.list({ q: "neonatal jaundice" });
    expect(list.items.find((i) => i.id === created.itemId)?.publishedWithoutReview).toBe(false);
    const reviewed = await admin.editorial.forcedPublications({ state: "reviewed" });
    expect(reviewed.find((f) => f.id === forced.id)).toMatchObject({
      reviewedBy: { name: secondEditor.user.name },
      reviewNote: "Checked the figures: right.",
    });
    expect(
      await h.db.auditEvent.count({ where: { action: "content.forcePublishReviewed", targetId: created.itemId } }),
    ).toBe(1);
  });
});
