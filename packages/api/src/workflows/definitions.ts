import { ContentKind, type Db, Prisma } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { kindSections } from "../content/kinds.ts";
import type { StaffContext, Tx } from "../editorial/common.ts";
import { AppError, notFound } from "../errors.ts";

// Workflows as administrators configure them: a named sequence of steps, each decided by a review
// group (any one member, or all of them), attached to kinds of content and, more specifically, to
// a kind within one priority. Items already in review keep the steps they started with (rounds.ts
// copies them), so editing or deleting a workflow here never strands anything.

const requirementLabels = { ANY: "any one member", ALL: "every member" } as const;

export const stepFields = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter what the step is, for example Clinical sign-off")
    .max(60, "The step's name must be 60 characters or fewer"),
  groupId: z.string().trim().min(1, "Choose the group that decides this step").max(40),
  requirement: z.enum(["ANY", "ALL"], { error: "Choose whether one member or every member must approve" }),
});

export const workflowFields = z.object({
  name: z.string().trim().min(1, "Enter a name for the workflow").max(80, "The name must be 80 characters or fewer"),
  steps: z.array(stepFields).min(1, "Add at least one step").max(10, "A workflow can have 10 steps at most"),
});
export type WorkflowFields = z.output<typeof workflowFields>;

export const attachmentFields = z.object({
  workflowId: z.string().min(1).max(40),
  kind: z.enum(ContentKind, { error: "Choose a kind of content" }),
  /** Empty: every item of the kind. */
  workstreamId: z.string().trim().max(40).default(""),
});

const scopeOf = (kind: ContentKind, workstreamId: string | null) => `${kind}:${workstreamId ?? "*"}`;

/** "Clinical sign-off (any one of Clinical reviewers)", for summaries and the audit log. */
const stepsInWords = (steps: { name: string; requirement: "ANY" | "ALL"; group: { name: string } }[]) =>
  steps.map((s) => `${s.name} (${requirementLabels[s.requirement]} of ${s.group.name})`).join(" → ");

/**
 * The workflow that reviews an item of `kind` tagged with `workstreamIds`: one attached to the kind
 * within one of those priorities (the first priority in the site's order wins), else the kind's own.
 */
export async function workflowFor(tx: Tx | Db, kind: ContentKind, workstreamIds: string[]) {
  const attachments = await tx.workflowAttachment.findMany({
    where: {
      kind,
      OR: [{ workstreamId: null }, ...(workstreamIds.length ? [{ workstreamId: { in: workstreamIds } }] : [])],
    },
    include: {
      workstream: { select: { position: true } },
      workflow: {
        include: {
          steps: { orderBy: { position: "asc" }, include: { group: { select: { name: true } } } },
        },
      },
    },
  });
  const specific = attachments
    .filter((a) => a.workstream)
    .sort((a, b) => (a.workstream?.position ?? 0) - (b.workstream?.position ?? 0));
  return (specific[0] ?? attachments.find((a) => !a.workstream))?.workflow ?? null;
}

export async function listWorkflows(db: Db) {
  const [workflows, waiting] = await Promise.all([
    db.workflow.findMany({
      orderBy: { name: "asc" },
      include: {
        steps: { orderBy: { position: "asc" }, include: { group: { select: { id: true, name: true } } } },
        attachments: { include: { workstream: { select: { title: true, position: true } } } },
      },
    }),
    db.reviewRound.groupBy({
      by: ["workflowId", "workflowVersion"],
      where: { status: "IN_PROGRESS" },
      _count: { _all: true },
    }),
  ]);
  const covered = new Set(workflows.flatMap((w) => w.attachments.filter((a) => !a.workstreamId).map((a) => a.kind)));
  return {
    workflows: workflows.map((w) => {
      const rounds = waiting.filter((r) => r.workflowId === w.id);
      return {
        id: w.id,
        name: w.name,
        version: w.version,
        steps: w.steps.map((s) => ({
          name: s.name,
          groupId: s.group.id,
          groupName: s.group.name,
          requirement: s.requirement,
          requirementLabel: requirementLabels[s.requirement],
        })),
        attachments: w.attachments
          .map((a) => ({
            id: a.id,
            kind: a.kind,
            label: `${kindSections[a.kind].label}${a.workstream ? ` tagged ${a.workstream.title}` : ""}`,
            position: a.workstream?.position ?? -1,
          }))
          .sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position),
        inReview: rounds.reduce((n, r) => n + r._count._all, 0),
        onEarlierVersion: rounds.filter((r) => isOnEarlierVersion(r, w)).reduce((n, r) => n + r._count._all, 0),
      };
    }),
    /** Kinds no workflow covers: their items are approved as soon as they are submitted. */
    unreviewedKinds: Object.values(ContentKind).filter((kind) => !covered.has(kind)),
  };
}

/**
 * A round began on an earlier version of its workflow (the workflow was changed or deleted since): it
 * finishes on the steps it started with.
 */
export const isOnEarlierVersion = (round: { workflowVersion: number }, workflow: { version: number } | null) =>
  !workflow || round.workflowVersion < workflow.version;

/** One workflow for its edit page, with the items in review on an earlier version of it. */
export async function getWorkflow(db: Db, workflowId: string) {
  const workflow = await db.workflow.findUnique({
    where: { id: workflowId },
    include: {
      steps: { orderBy: { position: "asc" }, include: { group: { select: { id: true, name: true } } } },
      attachments: { include: { workstream: { select: { id: true, title: true } } } },
    },
  });
  if (!workflow) throw notFound("That workflow");
  const stranded = await db.reviewRound.findMany({
    where: { workflowId, status: "IN_PROGRESS", workflowVersion: { lt: workflow.version } },
    select: {
      stepName: true,
      revision: { select: { title: true, number: true, item: { select: { id: true } } } },
    },
    orderBy: { startedAt: "asc" },
  });
  return {
    id: workflow.id,
    name: workflow.name,
    version: workflow.version,
    steps: workflow.steps.map((s) => ({ name: s.name, groupId: s.groupId, requirement: s.requirement })),
    attachments: workflow.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      workstreamId: a.workstreamId,
      label: `${kindSections[a.kind].label}${a.workstream ? ` tagged ${a.workstream.title}` : ""}`,
    })),
    onEarlierVersion: stranded.map((r) => ({
      itemId: r.revision.item.id,
      title: r.revision.title,
      revisionNumber: r.revision.number,
      stepName: r.stepName,
    })),
  };
}

async function assertGroupsExist(tx: Tx, steps: WorkflowFields["steps"]) {
  const ids = [...new Set(steps.map((s) => s.groupId))];
  const found = await tx.reviewGroup.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const missing = steps.findIndex((s) => !found.some((g) => g.id === s.groupId));
  if (missing >= 0) {
    throw new AppError("BAD_REQUEST", "Choose a group for every step", {
      [`steps.${missing}.groupId`]: "Choose the group that decides this step",
    });
  }
}

function workflowNameTaken(error: unknown, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", `There is already a workflow called ${name}`, {
      name: `There is already a workflow called ${name}: choose another name`,
    });
  }
  throw error;
}

async function describedSteps(tx: Tx, workflowId: string) {
  return stepsInWords(
    await tx.workflowStep.findMany({
      where: { workflowId },
      orderBy: { position: "asc" },
      include: { group: { select: { name: true } } },
    }),
  );
}

export async function createWorkflow(ctx: StaffContext, fields: WorkflowFields) {
  return ctx.db
    .$transaction(async (tx) => {
      await assertGroupsExist(tx, fields.steps);
      const workflow = await tx.workflow.create({
        data: { name: fields.name, steps: { create: fields.steps.map((s, position) => ({ ...s, position })) } },
      });
      await recordAudit(tx, ctx, {
        action: "workflow.create",
        targetType: "Workflow",
        targetId: workflow.id,
        summary: `Created the workflow "${workflow.name}"`,
        data: {
          changes: [{ setting: "steps", label: "Steps", from: null, to: await describedSteps(tx, workflow.id) }],
        },
      });
      return { id: workflow.id };
    })
    .catch((error: unknown) => workflowNameTaken(error, fields.name));
}

/**
 * Renames the workflow and replaces its steps. Changed steps make a new version: items already in
 * review finish on the steps they started with, unless an administrator moves them (rounds.ts).
 */
export async function updateWorkflow(ctx: StaffContext, workflowId: string, fields: WorkflowFields) {
  return ctx.db
    .$transaction(async (tx) => {
      const before = await tx.workflow.findUnique({ where: { id: workflowId } });
      if (!before) throw notFound("That workflow");
      await assertGroupsExist(tx, fields.steps);
      const stepsBefore = await describedSteps(tx, workflowId);
      const current = await tx.workflowStep.findMany({ where: { workflowId }, orderBy: { position: "asc" } });
      const stepsChanged =
        JSON.stringify(current.map((s) => [s.name, s.groupId, s.requirement])) !==
        JSON.stringify(fields.steps.map((s) => [s.name, s.groupId, s.requirement]));
      if (stepsChanged) {
        await tx.workflowStep.deleteMany({ where: { workflowId } });
        await tx.workflowStep.createMany({
          data: fields.steps.map((s, position) => ({ ...s, workflowId, position })),
        });
      }
      const workflow = await tx.workflow.update({
        where: { id: workflowId },
        data: { name: fields.name, ...(stepsChanged ? { version: { increment: 1 } } : {}) },
      });
      const stepsAfter = await describedSteps(tx, workflowId);
      const changes = [
        ...(before.name !== fields.name
          ? [{ setting: "name", label: "Name", from: before.name, to: fields.name }]
          : []),
        ...(stepsChanged ? [{ setting: "steps", label: "Steps", from: stepsBefore, to: stepsAfter }] : []),
      ];
      await recordAudit(tx, ctx, {
        action: "workflow.update",
        targetType: "Workflow",
        targetId: workflowId,
        summary: changes.length
          ? `Changed the workflow "${workflow.name}": ${changes.map((c) => c.label.toLowerCase()).join(" and ")}`
          : `Saved the workflow "${workflow.name}" without changes`,
        data: { changes, version: workflow.version },
      });
      return { id: workflowId, version: workflow.version, stepsChanged };
    })
    .catch((error: unknown) => workflowNameTaken(error, fields.name));
}

export async function deleteWorkflow(ctx: StaffContext, workflowId: string) {
  return ctx.db.$transaction(async (tx) => {
    const workflow = await tx.workflow.findUnique({
      where: { id: workflowId },
      include: { attachments: { include: { workstream: { select: { title: true } } } } },
    });
    if (!workflow) throw notFound("That workflow");
    const inReview = await tx.reviewRound.count({ where: { workflowId, status: "IN_PROGRESS" } });
    const steps = await describedSteps(tx, workflowId);
    await tx.workflow.delete({ where: { id: workflowId } });
    await recordAudit(tx, ctx, {
      action: "workflow.delete",
      targetType: "Workflow",
      targetId: workflowId,
      summary: `Deleted the workflow "${workflow.name}"${inReview ? `; ${inReview} in review finish on its steps` : ""}`,
      data: {
        steps,
        attachments: workflow.attachments.map(
          (a) => `${kindSections[a.kind].label}${a.workstream ? ` tagged ${a.workstream.title}` : ""}`,
        ),
      },
    });
  });
}

/** Makes the workflow review a kind (within a priority, when one is given). */
export async function attachWorkflow(ctx: StaffContext, input: z.output<typeof attachmentFields>) {
  return ctx.db.$transaction(async (tx) => {
    const workflow = await tx.workflow.findUnique({ where: { id: input.workflowId }, select: { name: true } });
    if (!workflow) throw notFound("That workflow");
    const workstream = input.workstreamId
      ? await tx.workstream.findUnique({ where: { id: input.workstreamId }, select: { id: true, title: true } })
      : null;
    if (input.workstreamId && !workstream) {
      throw new AppError("BAD_REQUEST", "Choose a priority from the list", {
        workstreamId: "Choose a priority from the list",
      });
    }
    const scope = scopeOf(input.kind, workstream?.id ?? null);
    const label = `${kindSections[input.kind].label}${workstream ? ` tagged ${workstream.title}` : ""}`;
    const existing = await tx.workflowAttachment.findUnique({
      where: { scope },
      include: { workflow: { select: { name: true } } },
    });
    if (existing) {
      const message =
        existing.workflowId === input.workflowId
          ? `${label} already use this workflow`
          : `${label} already use the workflow "${existing.workflow.name}": remove it there first`;
      throw new AppError("CONFLICT", message, { kind: message });
    }
    await tx.workflowAttachment.create({
      data: { workflowId: input.workflowId, kind: input.kind, workstreamId: workstream?.id ?? null, scope },
    });
    await recordAudit(tx, ctx, {
      action: "workflow.attach",
      targetType: "Workflow",
      targetId: input.workflowId,
      summary: `${label} now go through the workflow "${workflow.name}"`,
    });
  });
}

export async function detachWorkflow(ctx: StaffContext, attachmentId: string) {
  return ctx.db.$transaction(async (tx) => {
    const attachment = await tx.workflowAttachment.findUnique({
      where: { id: attachmentId },
      include: { workflow: { select: { name: true } }, workstream: { select: { title: true } } },
    });
    if (!attachment) throw notFound("That use of the workflow");
    await tx.workflowAttachment.delete({ where: { id: attachmentId } });
    const label = `${kindSections[attachment.kind].label}${attachment.workstream ? ` tagged ${attachment.workstream.title}` : ""}`;
    await recordAudit(tx, ctx, {
      action: "workflow.detach",
      targetType: "Workflow",
      targetId: attachment.workflowId,
      summary: `${label} no longer go through the workflow "${attachment.workflow.name}"`,
    });
  });
}
