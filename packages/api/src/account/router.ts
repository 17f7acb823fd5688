import {
  disableTotp,
  enableTotp,
  enableTotpInput,
  mfaOverview,
  confirmWithPasswordInput,
  regenerateRecoveryCodes,
  startTotpSetup,
  totpSetupInput,
} from "../auth/mfa.ts";
import { mfaStepProcedure, protectedProcedure, router } from "../trpc.ts";
import {
  accountOverview,
  accountPreferences,
  changePassword,
  changePasswordInput,
  preferencesInput,
  setPreferences,
  signOutEverywhere,
} from "./service.ts";

export const accountRouter = router({
  overview: protectedProcedure.query(({ ctx }) => accountOverview(ctx)),

  preferences: protectedProcedure.query(({ ctx }) => accountPreferences(ctx)),
  setPreferences: protectedProcedure.input(preferencesInput).mutation(({ ctx, input }) => setPreferences(ctx, input)),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx, input);
    return { changed: true };
  }),

  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await signOutEverywhere(ctx);
    return { signedOut: true };
  }),

  mfa: protectedProcedure.query(({ ctx }) => mfaOverview(ctx)),

  /** Part of the MFA step: a role that requires an authenticator app sets it up before anything else. */
  totpSetup: mfaStepProcedure
    .input(totpSetupInput)
    .query(({ ctx, input }) => startTotpSetup(ctx.user, input.setupToken)),

  enableTotp: mfaStepProcedure.input(enableTotpInput).mutation(({ ctx, input }) => enableTotp(ctx, input)),

  disableTotp: protectedProcedure.input(confirmWithPasswordInput).mutation(async ({ ctx, input }) => {
    await disableTotp(ctx, input);
    return { disabled: true };
  }),

  regenerateRecoveryCodes: protectedProcedure
    .input(confirmWithPasswordInput)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx, input)),
});
