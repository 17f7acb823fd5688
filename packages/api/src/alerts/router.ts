import { z } from "zod";
import { kindSections, listedKinds } from "../content/kinds.ts";
import { permissionProcedure, publicProcedure, router } from "../trpc.ts";
import { emailField, frequencies, frequencyLabels } from "./choices.ts";
import { countSubscriptions, findSubscription, removeSubscription } from "./admin.ts";
import { alertJobs } from "./sending.ts";
import {
  confirmSubscription,
  isConfirmationOpen,
  readSubscription,
  subscribe,
  subscribeInput,
  tokenInput,
  unsubscribe,
  updateSubscription,
  updateInput,
} from "./subscriptions.ts";

const subscribers = permissionProcedure("alerts.subscribers");
const emailInput = z.object({ email: emailField });

export const alertsRouter = router({
  /** What the subscribe and manage forms offer: the kinds and the priorities. */
  options: publicProcedure.query(async ({ ctx }) => ({
    kinds: listedKinds.map((kind) => ({ value: kind, label: kindSections[kind].label })),
    frequencies: frequencies.map((frequency) => ({ value: frequency, label: frequencyLabels[frequency] })),
    priorities: await ctx.db.workstream.findMany({ select: { slug: true, title: true }, orderBy: { position: "asc" } }),
  })),
  subscribe: publicProcedure.input(subscribeInput).mutation(async ({ ctx, input }) => {
    await subscribe(ctx.db, ctx.request, input);
  }),
  confirmationOpen: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => isConfirmationOpen(ctx.db, input.token)),
  confirm: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => confirmSubscription(ctx.db, input.token)),
  subscription: publicProcedure.input(tokenInput).query(({ ctx, input }) => readSubscription(ctx.db, input.token)),
  update: publicProcedure.input(updateInput).mutation(async ({ ctx, input }) => {
    const { token, ...choices } = input;
    await updateSubscription(ctx.db, token, choices);
  }),
  unsubscribe: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => unsubscribe(ctx.db, input.token)),

  counts: subscribers.query(({ ctx }) => countSubscriptions(ctx.db)),
  find: subscribers.input(emailInput).query(({ ctx, input }) => findSubscription(ctx.db, input.email)),
  remove: subscribers.input(emailInput).mutation(({ ctx, input }) => removeSubscription(ctx, input.email)),
});

export { alertJobs };
