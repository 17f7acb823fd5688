import type { UserModel as User } from "@observatory/db";
import { bodyOf, createWorkstream } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;
type Person = { user: User; api: Caller };

const draft = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: `About ${title}`,
  body: bodyOf(`The body of ${title}.`),
  kind: "PAGE" as const,
  ...extra,
});

describe("review workflows", () => {
  const h = useHarness();
  let admin: Person;
  let author: Person;
  let editor: Person;
  let secondEditor: Person;
  let clinician: Person;
  let secondClinician: Person;
  let director: Person;
  let groups: { editors: string; clinical: string; directors: string };
  let workflowId: string;

  const status = async (itemId: string) =>
    (await h.db.contentItem.findUniqueOrThrow({ where: { id: itemId }, select: { status: true } })).status;

  async function submitted(title: string, extra: Record<string, unknown> = {}) {
    const created = await author.api.editorial.create(draft(title, extra));
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.api.editorial.submit(ref);
    return ref;
  }

  beforeAll(async () => {
    admin = await h.signedIn("ADMIN");
    author = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
    secondEditor = await h.signedIn("EDITOR");
    // Clinical reviewers are authors by role: they can read drafts, not publish.
    clinician = await h.signedIn("AUTHOR");
    secondClinician = await h.signedIn("AUTHOR");
    director = await h.signedIn("AUTHOR");
    const editors = await h.db.reviewGroup.findUniqueOrThrow({ where: { name: "Editors" } });
    const clinical = await admin.api.workflows.createGroup({ name: "Clinical reviewers", description: "", roles: [] });
    const directors = await admin.api.workflows.createGroup({ name: "Communications director", roles: [] });
    for (const person of [clinician, secondClinician]) {
      await admin.api.workflows.addMember({ groupId: clinical.id, userId: person.user.id });
    }
    await admin.api.workflows.addMember({ groupId: directors.id, userId: director.user.id });
    groups = { editors: editors.id, clinical: clinical.id, directors: directors.id };
    const created = await admin.api.workflows.create({
      name: "Health information",
      steps: [
        { name: "Editorial review", groupId: groups.editors, requirement: "ANY" },
        { name: "Clinical sign-off", groupId: groups.clinical, requirement: "ALL" },
        { name: "Director's approval", groupId: groups.directors, requirement: "ANY" },
      ],
    });
    workflowId = created.id;
    await h.db.workflowAttachment.deleteMany({ where: { kind: "PAGE" } });
    await admin.api.workflows.attach({ workflowId, kind: "PAGE", workstreamId: "" });
  });

  it("takes a revision through every step, naming the waiting step, with each group deciding only its own", async () => {
    const ref = await submitted("Sickle cell guidance");
    const view = async (who: Person) => (await who.api.editorial.item({ itemId: ref.itemId })).item.statusLabel;
    expect(await view(author)).toBe("Awaiting editorial review");
    // A clinical reviewer cannot take the editorial step, and cannot publish at all.
    expect(await refusal(clinician.api.editorial.approve(ref))).toMatchObject({
      code: "FORBIDDEN",
      message: "This revision is awaiting editorial review, which only members of Editors can give.",
    });
    expect(await editor.api.editorial.approve(ref)).toEqual({ status: "IN_REVIEW", awaiting: "Clinical sign-off" });
    expect(await view(author)).toBe("Awaiting clinical sign-off");
    // The step needs every clinical reviewer; the editor who approved cannot act again.
    expect((await refusal(secondEditor.api.editorial.approve(ref))).code).toBe("FORBIDDEN");
    expect((await refusal(editor.api.editorial.approve(ref))).message).toBe(
      "You have already given your decision on this revision.",
    );
    expect(await clinician.api.editorial.approve({ ...ref, comment: "Dosage checked." })).toEqual({
      status: "IN_REVIEW",
      awaiting: "Clinical sign-off",
    });
    const review = await secondClinician.api.editorial.review({ itemId: ref.itemId });
    expect(review).toMatchObject({
      workflowName: "Health information",
      waitingLabel: "Awaiting clinical sign-off",
      stillNeeded: [secondClinician.user.name],
      refusal: null,
    });
    expect(review?.steps[1]?.decisions).toMatchObject([
      { reviewerName: clinician.user.name, comment: "Dosage checked." },
    ]);
    expect(await secondClinician.api.editorial.approve(ref)).toEqual({
      status: "IN_REVIEW",
      awaiting: "Director's approval",
    });
    expect(await view(editor)).toBe("Awaiting director's approval");
    expect((await director.api.editorial.dashboard()).awaitingDecision.map((i) => i.id)).toEqual([ref.itemId]);
    expect(await director.api.editorial.approve(ref)).toEqual({ status: "APPROVED", awaiting: null });
    expect((await refusal(clinician.api.editorial.publishNow(ref))).code).toBe("FORBIDDEN");
    await editor.api.editorial.publishNow(ref);
    expect(await status(ref.itemId)).toBe("PUBLISHED");
    const mails = await h.db.emailMessage.findMany({
      where: { subject: { contains: "Sickle cell guidance" } },
      select: { to: true, subject: true },
    });
    expect(
      mails
        .filter((m) => m.subject.startsWith("Awaiting your clinical sign-off"))
        .map((m) => m.to)
        .sort(),
    ).toEqual([clinician.user.email, secondClinician.user.email].sort());
    expect(mails.filter((m) => m.subject.startsWith("Awaiting your director")).map((m) => m.to)).toEqual([
      director.user.email,
    ]);
  });

  it("lets nobody decide on their own revision at any step", async () => {
    // A clinical reviewer writes a page: the clinical step then needs only the other clinician.
    const created = await clinician.api.editorial.create(draft("Clinician's own page"));
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await clinician.api.editorial.submit(ref);
    await editor.api.editorial.approve(ref);
    expect(await refusal(clinician.api.editorial.approve(ref))).toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot review your own revision: someone else must.",
    });
    expect((await refusal(clinician.api.editorial.requestChanges({ ...ref, reason: "No" }))).code).toBe("FORBIDDEN");
    expect(await secondClinician.api.editorial.approve(ref)).toMatchObject({ awaiting: "Director's approval" });
  });

  it("ends the round at a request for changes, with the reason, and starts again on resubmission", async () => {
    const ref = await submitted("Maternity outcomes");
    await editor.api.editorial.approve(ref);
    await clinician.api.editorial.requestChanges({ ...ref, reason: "The second chart is mislabelled." });
    expect(await status(ref.itemId)).toBe("CHANGES_REQUESTED");
    const mail = await h.db.emailMessage.findFirst({
      where: { to: author.user.email, subject: "Changes requested: Maternity outcomes" },
    });
    expect(mail?.text).toContain("at clinical sign-off:\n\nThe second chart is mislabelled.");
    const saved = await author.api.editorial.save({
      itemId: ref.itemId,
      baseRevisionId: ref.revisionId,
      ...draft("Maternity outcomes"),
    });
    const next = { itemId: ref.itemId, revisionId: saved.revisionId };
    await author.api.editorial.submit(next);
    expect((await author.api.editorial.item({ itemId: ref.itemId })).item.statusLabel).toBe(
      "Awaiting editorial review",
    );
    // The editor decided in the earlier round: a new round is a new decision.
    expect(await editor.api.editorial.approve(next)).toMatchObject({ awaiting: "Clinical sign-off" });
  });

  it("lets items in review finish on the steps they started with when the workflow changes, or moves them", async () => {
    const ref = await submitted("Workforce race equality");
    const other = await submitted("Deleted workflow piece");
    const steps = (await admin.api.workflows.get({ id: workflowId })).steps;
    await admin.api.workflows.update({
      id: workflowId,
      name: "Health information",
      steps: steps.filter((s) => s.name !== "Director's approval"),
    });
    const onNew = await submitted("Workforce race equality follow-up");
    const workflow = await admin.api.workflows.get({ id: workflowId });
    expect(workflow.version).toBe(2);
    expect(workflow.onEarlierVersion.map((i) => i.itemId)).toContain(ref.itemId);
    expect(workflow.onEarlierVersion.map((i) => i.itemId)).not.toContain(onNew.itemId);

    // The earlier item still needs the director; the new one does not.
    await editor.api.editorial.approve(ref);
    await clinician.api.editorial.approve(ref);
    expect(await secondClinician.api.editorial.approve(ref)).toMatchObject({ awaiting: "Director's approval" });
    await editor.api.editorial.approve(onNew);
    await clinician.api.editorial.approve(onNew);
    expect(await secondClinician.api.editorial.approve(onNew)).toEqual({ status: "APPROVED", awaiting: null });

    // An administrator moves the earlier item onto the workflow as it is now: it starts again.
    expect((await refusal(editor.api.workflows.moveReview({ itemId: ref.itemId }))).code).toBe("FORBIDDEN");
    expect(await admin.api.workflows.moveReview({ itemId: ref.itemId })).toEqual({ awaiting: "Editorial review" });
    const moved = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "content.reviewMoved", targetId: ref.itemId },
    });
    expect(moved.summary).toBe(
      'Moved the review of "Workforce race equality" from "Health information" (version 1, at Director\'s approval) to "Health information" (version 2), starting at Editorial review',
    );
    // Deleting a workflow strands nothing either: the round keeps its steps.
    await admin.api.workflows.delete({ id: workflowId });
    expect((await editor.api.editorial.review({ itemId: other.itemId }))?.isEarlierVersion).toBe(true);
    expect(await editor.api.editorial.approve(other)).toMatchObject({ awaiting: "Clinical sign-off" });
  });

  it("picks the workflow for an item's priority before its kind's, and approves a kind no workflow covers", async () => {
    const priority = await createWorkstream(h.db, { title: "Mental health" });
    const urgent = await admin.api.workflows.create({
      name: "Mental health review",
      steps: [{ name: "Clinical sign-off", groupId: groups.clinical, requirement: "ANY" }],
    });
    await admin.api.workflows.attach({ workflowId: urgent.id, kind: "BLOG", workstreamId: priority.id });
    const refusedAgain = await refusal(
      admin.api.workflows.attach({ workflowId: urgent.id, kind: "BLOG", workstreamId: priority.id }),
    );
    expect(refusedAgain.form?.fieldErrors.kind).toBe("Blogs tagged Mental health already use this workflow");
    const tagged = await submitted("Tagged blog", { kind: "BLOG", workstreamIds: [priority.id] });
    expect((await author.api.editorial.item({ itemId: tagged.itemId })).item.statusLabel).toBe(
      "Awaiting clinical sign-off",
    );
    const untagged = await submitted("Untagged blog", { kind: "BLOG" });
    expect((await author.api.editorial.item({ itemId: untagged.itemId })).item.statusLabel).toBe(
      "Awaiting editorial review",
    );
    await h.db.workflowAttachment.deleteMany({ where: { kind: "PRESS_RELEASE" } });
    expect((await admin.api.workflows.list()).unreviewedKinds).toContain("PRESS_RELEASE");
    const unreviewed = await submitted("Unreviewed release", { kind: "PRESS_RELEASE" });
    expect(await status(unreviewed.itemId)).toBe("APPROVED");
  });

  it("keeps groups to people who can read drafts, refuses deleting a group in use, and audits every change", async () => {
    const moderator = await h.signedIn("MODERATOR");
    const refused = await refusal(
      admin.api.workflows.addMember({ groupId: groups.directors, userId: moderator.user.id }),
    );
    expect(refused.form?.fieldErrors.userId).toBe(
      `${moderator.user.name} is a moderator and cannot read drafts, so cannot review them. Change their role first.`,
    );
    const duplicate = await refusal(admin.api.workflows.createGroup({ name: "Editors", roles: [] }));
    expect(duplicate.form?.fieldErrors.name).toBe("There is already a group called Editors: choose another name");
    expect((await refusal(admin.api.workflows.deleteGroup({ id: groups.editors }))).message).toContain(
      "Give that step to another group first",
    );
    expect((await refusal(editor.api.workflows.createGroup({ name: "Editors' own", roles: [] }))).code).toBe(
      "FORBIDDEN",
    );
    const actions = await h.db.auditEvent.findMany({
      where: { actorId: admin.user.id },
      select: { action: true },
    });
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set([
        "reviewGroup.create",
        "reviewGroup.addMember",
        "workflow.create",
        "workflow.attach",
        "workflow.update",
        "content.reviewMoved",
        "workflow.delete",
      ]),
    );
  });
});
