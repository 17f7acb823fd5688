import { organisationInput } from "@observatory/api";
import { describe, expect, it } from "vitest";
import { demoOrganisation } from "./organisation.ts";

describe("the demo's organisation details", () => {
  it("are what the settings page would save: every field valid and already tidied", () => {
    expect(organisationInput.parse(demoOrganisation)).toEqual(demoOrganisation);
  });
});
