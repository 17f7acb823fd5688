import { z } from "zod";
import { AppError } from "../errors.ts";
import { commonPasswords } from "./common-passwords.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";

/** A new password as typed: the rules are checked by assertNewPassword, which knows the email address. */
export const newPasswordField = z
  .string()
  .max(PASSWORD_MAX_LENGTH * 4, `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);

/** Why `password` is not acceptable for the account with `email`, or null when it is. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Your password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  const normalisedEmail = email.trim().toLowerCase();
  const localPart = normalisedEmail.split("@")[0] ?? "";
  if (lower === normalisedEmail || (localPart.length >= 3 && lower.includes(localPart))) {
    return "Your password must not contain your email address";
  }
  const stem = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (commonPasswords.has(lower) || commonPasswords.has(stem) || /^(.{1,4})\1+$/.test(lower)) {
    return "Your password is too easy to guess: it is one of the most common passwords. Choose a different one";
  }
  return null;
}

/**
 * Checks a new password and its confirmation; throws a BAD_REQUEST carrying a message per field,
 * in the fields the forms use (`password`, `confirmPassword`).
 */
export function assertNewPassword(input: { password: string; confirmPassword: string }, email: string): void {
  const fields: Record<string, string> = {};
  const problem = passwordProblem(input.password, email);
  if (problem) fields.password = problem;
  if (!input.confirmPassword) fields.confirmPassword = "Confirm your new password";
  else if (input.confirmPassword !== input.password) fields.confirmPassword = "The passwords do not match";
  if (Object.keys(fields).length > 0) throw new AppError("BAD_REQUEST", "Check your new password.", fields);
}
