import type { Db, Role, TokenKind } from "@observatory/db";
import { createToken, hashToken } from "./tokens.ts";

// Single-use, expiring links sent by email (invitations, password resets). The link carries a
// random token; the database keeps its SHA-256. Issuing a new token for the same purpose and
// address withdraws the older ones, so only the newest email works.

type Tx = Pick<Db, "authToken">;

export type TokenStatus = "valid" | "expired" | "used" | "revoked" | "invalid";

export async function issueEmailToken(
  tx: Tx,
  fields: { kind: TokenKind; email: string; ttlMs: number; role?: Role; userId?: string; invitedById?: string },
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  await tx.authToken.updateMany({
    where: { kind: fields.kind, email: fields.email, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = createToken();
  const expiresAt = new Date(now.getTime() + fields.ttlMs);
  const row = await tx.authToken.create({
    data: {
      kind: fields.kind,
      tokenHash: hashToken(token),
      email: fields.email,
      role: fields.role ?? null,
      userId: fields.userId ?? null,
      invitedById: fields.invitedById ?? null,
      expiresAt,
    },
    select: { id: true },
  });
  return { token, id: row.id, expiresAt };
}

type TokenRow = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

function statusOf(row: TokenRow, now: Date): TokenStatus {
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

const tokenFields = {
  id: true,
  email: true,
  role: true,
  userId: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  invitedBy: { select: { name: true } },
} as const;

/** Looks a link's token up without using it (to show the right page before the form is filled in). */
export async function findEmailToken(db: Tx, kind: TokenKind, token: string, now = new Date()) {
  const row = token
    ? await db.authToken.findFirst({ where: { kind, tokenHash: hashToken(token) }, select: tokenFields })
    : null;
  if (!row) return { status: "invalid" as const };
  const status = statusOf(row, now);
  return status === "valid" ? { status, token: row } : { status };
}

/**
 * Uses the token: marks it used in one conditional update, so of two simultaneous requests only
 * one succeeds. Call inside the transaction of the change the token allows.
 */
export async function consumeEmailToken(tx: Tx, kind: TokenKind, token: string, now = new Date()) {
  const tokenHash = hashToken(token);
  const claimed = await tx.authToken.updateMany({
    where: { kind, tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count === 0) {
    const found = await findEmailToken(tx, kind, token, now);
    // Usable a moment ago but not now: another request has just used it.
    return { status: found.status === "valid" ? ("used" as const) : found.status };
  }
  const row = await tx.authToken.findUniqueOrThrow({ where: { tokenHash }, select: tokenFields });
  return { status: "valid" as const, token: row };
}
