import { describe, expect, it } from "vitest";
import { defaultSpamRules, type SpamRules } from "./settings.ts";
import { countLinks, decideComment, describeFlag, matchPhrases } from "./spam-rules.ts";

const rules = (overrides: Partial<SpamRules> = {}): SpamRules => ({ ...defaultSpamRules(), ...overrides });
const facts = (overrides: Partial<Parameters<typeof decideComment>[1]> = {}) => ({
  body: "My mother waited six hours for an interpreter.",
  email: "reader@example.org",
  ipHash: "0123456789abcdef0123456789abcdef",
  isDuplicate: false,
  hasApprovedComment: false,
  ...overrides,
});

describe("the comment rules", () => {
  it("matches phrases as whole words whatever their case and spacing, not inside other words", () => {
    expect(matchPhrases("Go   BACK home!", ["go back", "home"])).toEqual(["go back", "home"]);
    expect(matchPhrases("A classic assessment", ["ass"])).toEqual([]);
    expect(matchPhrases("Café culture", ["café"])).toEqual(["café"]);
    expect(matchPhrases("cost (£5)", ["(£5)"])).toEqual(["(£5)"]);
  });

  it("counts links with a scheme or starting www", () => {
    expect(countLinks("see https://a.example and http://b.example or www.c.example, not d.example")).toBe(3);
  });

  it("holds a first comment from a new email for review", () => {
    expect(decideComment(rules(), facts())).toEqual({ status: "PENDING", flags: ["new-commenter"] });
  });

  it("publishes at once a comment from an email with an approved comment", () => {
    expect(decideComment(rules(), facts({ hasApprovedComment: true }))).toEqual({
      status: "APPROVED",
      flags: ["trusted"],
    });
  });

  it("reviews everything when trust is turned off", () => {
    expect(decideComment(rules({ trustApprovedCommenters: false }), facts({ hasApprovedComment: true }))).toEqual({
      status: "PENDING",
      flags: ["review-all"],
    });
  });

  it("holds a trusted commenter's comment with too many links or a held phrase, naming each rule", () => {
    const decision = decideComment(
      rules({ holdAtLinks: 2, heldPhrases: ["immigrants"] }),
      facts({ body: "Immigrants www.a.example https://b.example", hasApprovedComment: true }),
    );
    expect(decision).toEqual({ status: "PENDING", flags: ["links:2", "held-phrase:immigrants"] });
    expect(decideComment(rules({ holdAtLinks: 0 }), facts({ body: "www.a.example www.b.example" })).flags).toEqual([
      "new-commenter",
    ]);
  });

  it.each([
    ["a blocked email", { blockedEmails: ["reader@example.org"] }, {}, "blocked-email"],
    ["a blocked IP hash", { blockedIpHashes: ["0123456789abcdef0123456789abcdef"] }, {}, "blocked-ip"],
    ["a blocked phrase", { blockedPhrases: ["six hours"] }, {}, "blocked-phrase:six hours"],
    ["a duplicate", {}, { isDuplicate: true }, "duplicate"],
  ])("sends %s to spam, even from a trusted commenter", (_label, ruleOverrides, factOverrides, flag) => {
    expect(decideComment(rules(ruleOverrides), facts({ hasApprovedComment: true, ...factOverrides }))).toEqual({
      status: "SPAM",
      flags: [flag],
    });
  });

  it("describes each rule in words for the queue", () => {
    expect(describeFlag("links:3")).toBe("3 links");
    expect(describeFlag("blocked-phrase:go back")).toBe("Blocked phrase “go back”");
    expect(describeFlag("trusted")).toBe("Trusted commenter: published at once");
  });
});
