import { permissionProcedure, router } from "../trpc.ts";
import { inviteInput, inviteUser, pendingInvitations, revokeInvitation } from "./invitations.ts";
import {
  changeRole,
  changeRoleInput,
  disableUser,
  enableUser,
  endUserSessions,
  getUser,
  listUsers,
  listUsersInput,
  resetUserMfa,
  userIdInput,
} from "./service.ts";

const manage = permissionProcedure("users.manage");

export const usersRouter = router({
  list: manage.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  byId: manage.input(userIdInput).query(({ ctx, input }) => getUser(ctx.db, input.id)),
  invitations: manage.query(({ ctx }) => pendingInvitations(ctx.db)),
  invite: manage.input(inviteInput).mutation(({ ctx, input }) => inviteUser(ctx, input)),
  revokeInvitation: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await revokeInvitation(ctx, input.id);
    return { revoked: true };
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
  endSessions: manage.input(userIdInput).mutation(({ ctx, input }) => endUserSessions(ctx, input.id)),
  resetMfa: manage.input(userIdInput).mutation(async ({ ctx, input }) => {
    await resetUserMfa(ctx, input.id);
    return { reset: true };
  }),
});
