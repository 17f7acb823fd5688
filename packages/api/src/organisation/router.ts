import { permissionProcedure, publicProcedure, router } from "../trpc.ts";
import { complianceLabels, organisationInput, readOrganisation, updateOrganisation } from "./settings.ts";

// The organisation's contact details and accessibility statement facts (decision 024): anyone may
// read them (they are printed on public pages); administrators change them.

const manage = permissionProcedure("settings.manage");

export const organisationRouter = router({
  /** What the public pages print: every field, empty where nothing is known. */
  details: publicProcedure.query(async ({ ctx }) => (await readOrganisation(ctx.db)).details),
  /** The settings page: the values, whether they are still the empty defaults, and the status labels. */
  settings: manage.query(async ({ ctx }) => ({ ...(await readOrganisation(ctx.db)), complianceLabels })),
  update: manage.input(organisationInput).mutation(({ ctx, input }) => updateOrganisation(ctx, input)),
});
