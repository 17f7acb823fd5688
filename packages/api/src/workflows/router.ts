import { z } from "zod";
import { permissionProcedure, router } from "../trpc.ts";
import {
  attachmentFields,
  attachWorkflow,
  createWorkflow,
  deleteWorkflow,
  detachWorkflow,
  getWorkflow,
  listWorkflows,
  updateWorkflow,
  workflowFields,
} from "./definitions.ts";
import {
  addMember,
  createGroup,
  deleteGroup,
  getGroup,
  groupFields,
  listGroups,
  removeMember,
  updateGroup,
} from "./groups.ts";
import { moveReview } from "./rounds.ts";

// Administrators configure review: groups of reviewers and the workflows whose steps they decide.
// Deciding a step is an editorial procedure (editorial.approve / requestChanges).

const manage = permissionProcedure("settings.manage");
const id = z.string().min(1).max(40);

export const workflowsRouter = router({
  list: manage.query(({ ctx }) => listWorkflows(ctx.db)),
  get: manage.input(z.object({ id })).query(({ ctx, input }) => getWorkflow(ctx.db, input.id)),
  create: manage.input(workflowFields).mutation(({ ctx, input }) => createWorkflow(ctx, input)),
  update: manage
    .input(workflowFields.extend({ id }))
    .mutation(({ ctx, input: { id, ...fields } }) => updateWorkflow(ctx, id, fields)),
  delete: manage.input(z.object({ id })).mutation(({ ctx, input }) => deleteWorkflow(ctx, input.id)),
  attach: manage.input(attachmentFields).mutation(({ ctx, input }) => attachWorkflow(ctx, input)),
  detach: manage.input(z.object({ id })).mutation(({ ctx, input }) => detachWorkflow(ctx, input.id)),
  /** Restarts an item's review on the workflow that applies to it now. */
  moveReview: manage.input(z.object({ itemId: id })).mutation(({ ctx, input }) => moveReview(ctx, input.itemId)),

  groups: manage.query(({ ctx }) => listGroups(ctx.db)),
  group: manage.input(z.object({ id })).query(({ ctx, input }) => getGroup(ctx.db, input.id)),
  createGroup: manage.input(groupFields).mutation(({ ctx, input }) => createGroup(ctx, input)),
  updateGroup: manage
    .input(groupFields.extend({ id }))
    .mutation(({ ctx, input: { id, ...fields } }) => updateGroup(ctx, id, fields)),
  deleteGroup: manage.input(z.object({ id })).mutation(({ ctx, input }) => deleteGroup(ctx, input.id)),
  addMember: manage
    .input(z.object({ groupId: id, userId: z.string().max(40) }))
    .mutation(({ ctx, input }) => addMember(ctx, input)),
  removeMember: manage
    .input(z.object({ groupId: id, userId: id }))
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
});
