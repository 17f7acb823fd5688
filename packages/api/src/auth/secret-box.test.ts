import { describe, expect, it } from "vitest";
import { seal, unseal } from "./secret-box.ts";

describe("sealed secrets", () => {
  it("opens what it sealed, for the same purpose and owner", () => {
    const sealed = seal("totp-secret", "JBSWY3DPEHPK3PXPJBSWY3DP", "user-1");
    expect(sealed).not.toContain("JBSWY3DP");
    expect(unseal("totp-secret", sealed, "user-1")).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
  });

  it("uses a fresh nonce each time", () => {
    expect(seal("totp-secret", "same", "user-1")).not.toBe(seal("totp-secret", "same", "user-1"));
  });

  it("does not open for another owner, another purpose, or after tampering", () => {
    const sealed = seal("totp-secret", "secret", "user-1");
    expect(unseal("totp-secret", sealed, "user-2")).toBeNull();
    expect(unseal("totp-setup", sealed, "user-1")).toBeNull();
    const [version, iv, ciphertext, tag] = sealed.split(".");
    const flipped = `${ciphertext?.startsWith("A") ? "B" : "A"}${ciphertext?.slice(1)}`;
    expect(unseal("totp-secret", [version, iv, flipped, tag].join("."), "user-1")).toBeNull();
    expect(unseal("totp-secret", "not-sealed", "user-1")).toBeNull();
  });
});
