import { permissionProcedure, router } from "../trpc.ts";
import { bulkDisable, bulkUsersInput, describeUsers } from "./bulk.ts";
import { deleteUser, deleteUserInput, deletionSummary } from "./deletion.ts";
import { inviteInput, inviteUser, pendingInvitations, resendInvitation, revokeInvitation } from "./invitations.ts";
import { userOverview } from "./overview.ts";
import { sendPasswordResetFor, updateProfile, updateProfileInput } from "./profile.ts";
import {
  changeRole,
  changeRoleInput,
  disableUser,
  enableUser,
  listUsers,
  listUsersInput,
  resetUserMfa,
  userIdInput,
} from "./service.ts";
import { endSessionInput, endUserSession, endUserSessions } from "./sessions.ts";

const manage = permissionProcedure("users.manage");

export const usersRouter = router({
  list: manage.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  byId: manage.input(userIdInput).query(({ ctx, input }) => userOverview(ctx.db, input.id)),
  invitations: manage.query(({ ctx }) => pendingInvitations(ctx.db)),
  invite: manage.input(inviteInput).mutation(({ ctx, input }) => inviteUser(ctx, input)),
  resendInvitation: manage.input(userIdInput).mutation(({ ctx, input }) => resendInvitation(ctx, input.id)),
  revokeInvitation: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await revokeInvitation(ctx, input.id);
    return { revoked: true };
  }),
  updateProfile: manage.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx, input)),
  sendPasswordReset: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await sendPasswordResetFor(ctx, input.id);
    return { sent: true };
  }),
  changeRole: manage.input(changeRoleInput).mutation(({ ctx, input }) => changeRole(ctx, input)),
  disable: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await disableUser(ctx, input.id);
    return { disabled: true };
  }),
  enable: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await enableUser(ctx, input.id);
    return { enabled: true };
  }),
  selection: manage.input(bulkUsersInput).query(({ ctx, input }) => describeUsers(ctx, input)),
  bulkDisable: manage.input(bulkUsersInput).mutation(({ ctx, input }) => bulkDisable(ctx, input)),
  endSession: manage.input(endSessionInput).mutation(async ({ ctx, input }) => {
    await endUserSession(ctx, input);
    return { ended: true };
  }),
  endSessions: manage.input(userIdInput).mutation(({ ctx, input }) => endUserSessions(ctx, input.id)),
  resetMfa: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await resetUserMfa(ctx, input.id);
    return { reset: true };
  }),
  deletion: manage.input(userIdInput).query(({ ctx, input }) => deletionSummary(ctx, input.id)),
  delete: manage.input(deleteUserInput).mutation(({ ctx, input }) => deleteUser(ctx, input)),
});
