import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { commonPasswords } from "./common-passwords.ts";
import { assertNewPassword, passwordProblem } from "./password-policy.ts";

const email = "jane.doe@observatory.test";

describe("the password policy", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("violet kettle under the stairs", email)).toBeNull();
  });

  it("refuses fewer than 12 characters", () => {
    expect(passwordProblem("short pass1", email)).toBe("Your password must be 12 characters or more");
  });

  it("refuses more than 200 characters", () => {
    expect(passwordProblem("a b c d e ".repeat(30), email)).toBe("Your password must be 200 characters or fewer");
  });

  it("refuses the email address and anything containing its local part", () => {
    expect(passwordProblem(email, email)).toBe("Your password must not contain your email address");
    expect(passwordProblem("Jane.Doe-is-very-secure", email)).toBe("Your password must not contain your email address");
  });

  it("refuses common passwords, also with digits and symbols around them", () => {
    for (const password of ["password1234", "Password123456!", "qwertyuiop123", "2024welcome!!!!", "123456789012"]) {
      expect(passwordProblem(password, email), password).toMatch(/too easy to guess/);
    }
  });

  it("refuses a short pattern repeated", () => {
    expect(passwordProblem("abcabcabcabc", email)).toMatch(/too easy to guess/);
  });

  it("ships a list of about two hundred common passwords, lower-cased", () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(200);
    for (const entry of commonPasswords) expect(entry).toBe(entry.toLowerCase());
  });

  it("reports the password and its confirmation field by field", () => {
    try {
      assertNewPassword({ password: "short", confirmPassword: "different" }, email);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual({
        password: "Your password must be 12 characters or more",
        confirmPassword: "The passwords do not match",
      });
    }
  });
});
