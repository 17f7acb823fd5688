import { generateSecret, generateURI, verify } from "otplib";

// Time-based one-time passwords (RFC 6238) as authenticator apps expect them: SHA-1, 6 digits,
// 30-second steps. The crypto is otplib's; this module only fixes the parameters.

export const TOTP_ISSUER = "Observatory admin";
/** Accept the code of the step before or after the current one (clock drift on a phone). */
const TOLERANCE_SECONDS = 30;

export const totpCodePattern = /^\d{6}$/;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address an authenticator app reads from a QR code. */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret });
}

/**
 * The time step `code` belongs to, or null when it is wrong. Codes of `afterTimeStep` or earlier
 * are refused, so a code that was used once (or an older one) cannot be replayed.
 */
export async function matchTotp(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
  if (!totpCodePattern.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
