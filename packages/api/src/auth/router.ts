import { z } from "zod";
import { mfaStepProcedure, publicProcedure, router } from "../trpc.ts";
import { acceptInvitation, acceptInvitationInput, viewInvitation } from "../users/invitations.ts";
import { confirmEmailChange, viewEmailChange } from "../users/profile.ts";
import { mfaStateOf } from "./mfa-policy.ts";
import { verifyMfa, verifyMfaInput } from "./mfa.ts";
import {
  requestPasswordReset,
  requestResetInput,
  resetPassword,
  resetPasswordInput,
  viewPasswordReset,
} from "./password-reset.ts";
import { signIn, signInInput, signOut } from "./sign-in.ts";

const tokenInput = z.object({ token: z.string().max(200) });

export const authRouter = router({
  /** Who is signed in (null when no one), and whether the second factor is still due. */
  session: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user || !ctx.session || ctx.user.disabledAt) return null;
    const { id, name, email, role, totpEnabled } = ctx.user;
    return { user: { id, name, email, role, totpEnabled }, mfa: await mfaStateOf(ctx.db, ctx.user, ctx.session) };
  }),

  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx);
    return { signedOut: true };
  }),

  verifyMfa: mfaStepProcedure.input(verifyMfaInput).mutation(({ ctx, input }) => verifyMfa(ctx, input)),

  invitation: publicProcedure.input(tokenInput).query(({ ctx, input }) => viewInvitation(ctx.db, input.token)),

  acceptInvitation: publicProcedure.input(acceptInvitationInput).mutation(async ({ ctx, input }) => {
    const user = await acceptInvitation(ctx, input);
    return { email: user.email };
  }),

  requestPasswordReset: publicProcedure.input(requestResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx, input);
    return { requested: true };
  }),

  passwordReset: publicProcedure.input(tokenInput).query(({ ctx, input }) => viewPasswordReset(ctx.db, input.token)),

  emailChange: publicProcedure.input(tokenInput).query(({ ctx, input }) => viewEmailChange(ctx.db, input.token)),

  confirmEmailChange: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx, input.token)),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx, input);
    return { reset: true };
  }),
});
