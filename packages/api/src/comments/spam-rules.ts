import type { SpamRules } from "./settings.ts";

// The decision on a new comment, from the configured rules. Pure, so each rule is unit-tested; the
// caller supplies the two facts that need the database (duplicate, earlier approved comment).
// Every decision names the rules that fired in `flags`, which the moderation queue shows.

export type CommentDecision = { status: "PENDING" | "APPROVED" | "SPAM"; flags: string[] };

export type CommentFacts = {
  body: string;
  /** Lower-cased. */
  email: string;
  ipHash: string | null;
  /** The same body from the same email within the duplicate window. */
  isDuplicate: boolean;
  /** The email has an earlier approved comment. */
  hasApprovedComment: boolean;
};

/** Links a reader can write: with a scheme, or starting www. */
const linkPattern = /\bhttps?:\/\/|\bwww\./gi;

export function countLinks(text: string): number {
  return text.match(linkPattern)?.length ?? 0;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The entries of `phrases` that occur in `text` as whole words, case-insensitively: "ass" must not
 * match "class" or "assessment" (the Scunthorpe problem), but "go back" matches "Go  back!".
 */
export function matchPhrases(text: string, phrases: readonly string[]): string[] {
  const normalised = text.toLowerCase().replace(/\s+/g, " ");
  return phrases.filter((phrase) => {
    const words = phrase.toLowerCase().trim().split(/\s+/).map(escapeRegExp).join(" ");
    return words !== "" && new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "u").test(normalised);
  });
}

export function decideComment(rules: SpamRules, facts: CommentFacts): CommentDecision {
  const spam: string[] = [];
  if (rules.blockedEmails.includes(facts.email)) spam.push("blocked-email");
  if (facts.ipHash && rules.blockedIpHashes.includes(facts.ipHash)) spam.push("blocked-ip");
  for (const phrase of matchPhrases(facts.body, rules.blockedPhrases)) spam.push(`blocked-phrase:${phrase}`);
  if (facts.isDuplicate) spam.push("duplicate");
  if (spam.length) return { status: "SPAM", flags: spam };

  const held: string[] = [];
  const links = countLinks(facts.body);
  if (rules.holdAtLinks > 0 && links >= rules.holdAtLinks) held.push(`links:${links}`);
  for (const phrase of matchPhrases(facts.body, rules.heldPhrases)) held.push(`held-phrase:${phrase}`);
  if (held.length) return { status: "PENDING", flags: held };

  if (!rules.trustApprovedCommenters) return { status: "PENDING", flags: ["review-all"] };
  if (facts.hasApprovedComment) return { status: "APPROVED", flags: ["trusted"] };
  return { status: "PENDING", flags: ["new-commenter"] };
}

/** Words for the moderation queue: why the rules decided as they did. */
export function describeFlag(flag: string): string {
  const colon = flag.indexOf(":");
  if (colon > 0) {
    const rule = flag.slice(0, colon);
    const detail = flag.slice(colon + 1);
    if (rule === "links") return `${detail} links`;
    if (rule === "blocked-phrase") return `Blocked phrase “${detail}”`;
    if (rule === "held-phrase") return `Phrase held for review “${detail}”`;
  }
  const labels: Record<string, string> = {
    "blocked-email": "Blocked email address",
    "blocked-ip": "Blocked IP address",
    duplicate: "Duplicate of a recent comment",
    trusted: "Trusted commenter: published at once",
    "new-commenter": "First comment from this email",
    "review-all": "Every comment is reviewed",
    "staff-reply": "Staff reply",
  };
  return labels[flag] ?? flag;
}
