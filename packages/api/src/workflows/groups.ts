import { type Db, Prisma, Role } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges } from "../audit/setting-changes.ts";
import type { StaffContext, Tx } from "../editorial/common.ts";
import { AppError, notFound } from "../errors.ts";
import { can, roleLabels } from "../permissions.ts";

// Review groups: who may decide a workflow step. Membership is separate from roles: being in
// "Clinical reviewers" lets a person sign off the steps assigned to it and nothing else. A group's
// members are the people named in it plus, optionally, everyone holding a role (so that "Editors"
// keeps up with who is an editor without anyone remembering to add them). Only people who can read
// drafts (the content.write permission) can be members: a reviewer must see what they sign off.

const readers = (Object.values(Role) as Role[]).filter((role) => can(role, "content.write"));

export const groupFields = z.object({
  name: z.string().trim().min(1, "Enter a name for the group").max(80, "The name must be 80 characters or fewer"),
  description: z.string().trim().max(400, "The description must be 400 characters or fewer").default(""),
  roles: z
    .array(z.enum(readers as [Role, ...Role[]], { error: "Choose roles from the list" }))
    .max(readers.length)
    .default([]),
});
export type GroupFields = z.output<typeof groupFields>;

/** Active accounts in the group now: named members and holders of its roles. */
export function memberWhere(group: { id: string; roles: Role[] }): Prisma.UserWhereInput {
  return {
    disabledAt: null,
    role: { in: readers },
    OR: [{ reviewGroups: { some: { groupId: group.id } } }, { role: { in: group.roles } }],
  };
}

export async function groupMembers(db: Pick<Db, "user" | "reviewGroup"> | Tx, groupId: string) {
  const group = await db.reviewGroup.findUnique({ where: { id: groupId }, select: { id: true, roles: true } });
  if (!group) return [];
  return db.user.findMany({
    where: memberWhere(group),
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

/** The groups `user` belongs to, by name or by role. */
export async function groupIdsOf(db: Db | Tx, user: { id: string; role: Role }): Promise<string[]> {
  if (!can(user.role, "content.write")) return [];
  const groups = await db.reviewGroup.findMany({
    where: { OR: [{ members: { some: { userId: user.id } } }, { roles: { has: user.role } }] },
    select: { id: true },
  });
  return groups.map((g) => g.id);
}

export async function listGroups(db: Db) {
  const groups = await db.reviewGroup.findMany({
    orderBy: { name: "asc" },
    include: {
      members: { select: { user: { select: { id: true, name: true, disabledAt: true } } } },
      steps: { select: { name: true, workflow: { select: { id: true, name: true } } } },
    },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    roles: g.roles,
    roleNames: g.roles.map((r) => roleLabels[r]),
    memberNames: g.members
      .filter((m) => !m.user.disabledAt)
      .map((m) => m.user.name)
      .sort(),
    usedBy: g.steps.map((s) => ({ workflowId: s.workflow.id, workflowName: s.workflow.name, stepName: s.name })),
  }));
}

/** One group with everyone in it, and the staff who could be added. */
export async function getGroup(db: Db, groupId: string) {
  const group = await db.reviewGroup.findUnique({
    where: { id: groupId },
    include: { steps: { select: { name: true, workflow: { select: { id: true, name: true } } } } },
  });
  if (!group) throw notFound("That group");
  const [named, everyone] = await Promise.all([
    db.reviewGroupMember.findMany({
      where: { groupId },
      select: { user: { select: { id: true, name: true, email: true, role: true, disabledAt: true } } },
    }),
    groupMembers(db, groupId),
  ]);
  const namedIds = new Set(named.map((m) => m.user.id));
  const candidates = await db.user.findMany({
    where: { disabledAt: null, role: { in: readers }, id: { notIn: [...namedIds] } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    roles: group.roles,
    named: named
      .map((m) => ({ ...m.user, roleName: roleLabels[m.user.role], disabled: m.user.disabledAt !== null }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    /** Everyone who can decide this group's steps now (named members and role holders). */
    everyone,
    candidates,
    usedBy: group.steps.map((s) => ({ workflowId: s.workflow.id, workflowName: s.workflow.name, stepName: s.name })),
    roleOptions: readers.map((value) => ({ value, label: roleLabels[value] })),
  };
}

function nameTaken(error: unknown, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", `There is already a group called ${name}`, {
      name: `There is already a group called ${name}: choose another name`,
    });
  }
  throw error;
}

const inWords = (fields: GroupFields) => ({
  name: fields.name,
  description: fields.description || "none",
  roles: fields.roles.map((r) => roleLabels[r]).join(", ") || "none",
});
const fieldLabels = { name: "Name", description: "Description", roles: "Everyone with the role" };

export async function createGroup(ctx: StaffContext, fields: GroupFields) {
  return ctx.db
    .$transaction(async (tx) => {
      const group = await tx.reviewGroup.create({ data: fields });
      await recordAudit(tx, ctx, {
        action: "reviewGroup.create",
        targetType: "ReviewGroup",
        targetId: group.id,
        summary: `Created the review group "${group.name}"`,
        data: {
          changes: settingChanges(inWords({ name: "", description: "", roles: [] }), inWords(fields), fieldLabels),
        },
      });
      return { id: group.id };
    })
    .catch((error: unknown) => nameTaken(error, fields.name));
}

export async function updateGroup(ctx: StaffContext, groupId: string, fields: GroupFields) {
  return ctx.db
    .$transaction(async (tx) => {
      const before = await tx.reviewGroup.findUnique({ where: { id: groupId } });
      if (!before) throw notFound("That group");
      await tx.reviewGroup.update({ where: { id: groupId }, data: fields });
      await recordAudit(tx, ctx, {
        action: "reviewGroup.update",
        targetType: "ReviewGroup",
        targetId: groupId,
        summary: `Changed the review group "${fields.name}"`,
        data: { changes: settingChanges(inWords(before), inWords(fields), fieldLabels) },
      });
      return { id: groupId };
    })
    .catch((error: unknown) => nameTaken(error, fields.name));
}

export async function deleteGroup(ctx: StaffContext, groupId: string) {
  return ctx.db.$transaction(async (tx) => {
    const group = await tx.reviewGroup.findUnique({
      where: { id: groupId },
      include: { steps: { select: { name: true, workflow: { select: { name: true } } } } },
    });
    if (!group) throw notFound("That group");
    const step = group.steps[0];
    if (step) {
      throw new AppError(
        "CONFLICT",
        `${group.name} decides the step "${step.name}" of the workflow "${step.workflow.name}". Give that step to another group first.`,
      );
    }
    const waiting = await tx.reviewRound.count({ where: { status: "IN_PROGRESS", stepGroupId: groupId } });
    if (waiting > 0) {
      throw new AppError(
        "CONFLICT",
        `${waiting} ${waiting === 1 ? "item is" : "items are"} waiting for ${group.name}'s decision. Move ${waiting === 1 ? "it" : "them"} to another workflow first.`,
      );
    }
    await tx.reviewGroup.delete({ where: { id: groupId } });
    await recordAudit(tx, ctx, {
      action: "reviewGroup.delete",
      targetType: "ReviewGroup",
      targetId: groupId,
      summary: `Deleted the review group "${group.name}"`,
    });
  });
}

export async function addMember(ctx: StaffContext, input: { groupId: string; userId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const [group, user] = await Promise.all([
      tx.reviewGroup.findUnique({ where: { id: input.groupId }, select: { id: true, name: true } }),
      tx.user.findUnique({
        where: { id: input.userId },
        select: { id: true, name: true, role: true, disabledAt: true },
      }),
    ]);
    if (!group) throw notFound("That group");
    if (!user || user.disabledAt) {
      throw new AppError("BAD_REQUEST", "Choose a person from the list", { userId: "Choose a person from the list" });
    }
    if (!can(user.role, "content.write")) {
      const message = `${user.name} is a ${roleLabels[user.role].toLowerCase()} and cannot read drafts, so cannot review them. Change their role first.`;
      throw new AppError("BAD_REQUEST", message, { userId: message });
    }
    await tx.reviewGroupMember.upsert({
      where: { groupId_userId: { groupId: group.id, userId: user.id } },
      create: { groupId: group.id, userId: user.id },
      update: {},
    });
    await recordAudit(tx, ctx, {
      action: "reviewGroup.addMember",
      targetType: "ReviewGroup",
      targetId: group.id,
      summary: `Added ${user.name} to the review group "${group.name}"`,
      data: { userId: user.id },
    });
  });
}

export async function removeMember(ctx: StaffContext, input: { groupId: string; userId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const member = await tx.reviewGroupMember.findUnique({
      where: { groupId_userId: input },
      select: { group: { select: { name: true } }, user: { select: { name: true } } },
    });
    if (!member) throw notFound("That member");
    await tx.reviewGroupMember.delete({ where: { groupId_userId: input } });
    await recordAudit(tx, ctx, {
      action: "reviewGroup.removeMember",
      targetType: "ReviewGroup",
      targetId: input.groupId,
      summary: `Removed ${member.user.name} from the review group "${member.group.name}"`,
      data: { userId: input.userId },
    });
  });
}
