import type { Db } from "@observatory/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Auth, CurrentSession, SessionUser } from "./auth/lucia.ts";
import { mfaStateOf } from "./auth/mfa-policy.ts";
import { recordRefusal } from "./audit/refusal.ts";
import { AppError, isMissingRowError, trpcCodeFor } from "./errors.ts";
import { controlCharacterFields } from "./input-text.ts";
import type { MailKicker } from "./mail/mailer.ts";
import { can, type Permission } from "./permissions.ts";
import type { RequestMeta } from "./request-meta.ts";
// Refuses input in plain sentences wherever a schema gives no message of its own.
import "./validation-messages.ts";

export type Context = {
  db: Db;
  auth: Auth;
  user: SessionUser | null;
  session: CurrentSession | null;
  request: RequestMeta;
  /** Headers the app should add to its response (refreshed session cookies ...). */
  responseHeaders: Headers;
  /** Told after every successful mutation, which may have queued mail (see mail/outbox.ts). */
  mailer: MailKicker;
};

/**
 * Who may call a procedure. Every procedure declares it; the authorization matrix test reads it.
 * "mfaStep" is the second step of signing in: a session still waiting for its second factor may
 * call these (and public procedures), and nothing else.
 */
export type Access =
  | { kind: "public" }
  | { kind: "mfaStep" }
  | { kind: "signedIn" }
  | { kind: "permission"; permission: Permission };
export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof z.ZodError
          ? (z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>)
          : cause instanceof AppError && cause.fields
            ? Object.fromEntries(Object.entries(cause.fields).map(([k, v]) => [k, [v]]))
            : null;
      return {
        ...shape,
        message:
          cause instanceof z.ZodError
            ? "Some answers need correcting."
            : error.code === "INTERNAL_SERVER_ERROR"
              ? UNEXPECTED_MESSAGE
              : shape.message,
        data: { ...shape.data, fieldErrors, stack: undefined },
      };
    },
  });

/** What anyone is told of a failure that is not theirs to fix (the details go to the log only). */
const UNEXPECTED_MESSAGE = "Sorry, something went wrong on our side. Try again later.";

/**
 * Once around every procedure: refuses text with control characters in any field before anything
 * else reads it; maps AppError (thrown by services) to the matching tRPC error, a reference to a
 * row that does not exist to NOT_FOUND, and anything else to a message that says nothing of its
 * cause (never a database's own words); records every refusal of a signed-in user (FORBIDDEN, from
 * a permission check or a service) in the audit log, here in one place rather than in each
 * procedure; and starts mail delivery once a mutation has committed whatever it queued.
 */
const base = t.procedure.use(async ({ ctx, type, path, getRawInput, next }) => {
  const badText = controlCharacterFields(await getRawInput());
  if (Object.keys(badText).length > 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Some answers need correcting.",
      cause: new AppError("BAD_REQUEST", "Some answers need correcting.", badText),
    });
  }
  const result = await next();
  if (result.ok) {
    if (type === "mutation") ctx.mailer.kick();
    return result;
  }
  const cause = result.error.cause;
  const code = cause instanceof AppError ? trpcCodeFor(cause.code) : result.error.code;
  if (code === "FORBIDDEN" && ctx.user) await recordRefusal(ctx, ctx.user, path, await getRawInput().catch(() => null));
  if (cause instanceof AppError) throw new TRPCError({ code, message: cause.message, cause });
  if (isMissingRowError(cause)) {
    throw new TRPCError({ code: "NOT_FOUND", message: "That was not found: it may have been deleted.", cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED_MESSAGE, cause: cause ?? result.error });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = base.meta({ access: { kind: "public" } });

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.user || !ctx.session || ctx.user.disabledAt) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "You need to sign in." });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

/** Signed in with a password, the second factor possibly still to come: only for the MFA step itself. */
export const mfaStepProcedure = base.meta({ access: { kind: "mfaStep" } }).use(requireSession);

/** Signed in, including the second factor wherever the user has one or their role requires one. */
export const protectedProcedure = base
  .meta({ access: { kind: "signedIn" } })
  .use(requireSession)
  .use(async ({ ctx, next }) => {
    if ((await mfaStateOf(ctx.db, ctx.user, ctx.session)) !== "satisfied") {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Finish signing in with your authenticator app." });
    }
    return next();
  });

/** Signed in and holding `permission` per the role table; FORBIDDEN otherwise. */
export function permissionProcedure(permission: Permission) {
  return protectedProcedure.meta({ access: { kind: "permission", permission } }).use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to do that." });
    }
    return next();
  });
}
