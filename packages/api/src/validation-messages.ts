import { z } from "zod";

// The safety net under every input schema: a rule written without its own message ("Choose 30 days
// or fewer" beside the field) is refused in a plain sentence rather than in zod's words ("Too big:
// expected number to be <=30"), which mean nothing to the person reading them. Zod asks this map
// only for issues whose schema gives no message, so a schema's own words always win.

type Issue = Parameters<NonNullable<z.core.$ZodConfig["customError"]>>[0];

const count = (n: number | bigint) => Number(n).toLocaleString("en-GB");

/** The plain sentence for an issue its schema gave no message for. */
export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `Use ${count(issue.maximum)} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose ${count(issue.maximum)} or fewer`;
      return `Enter a number no higher than ${count(issue.maximum)}`;
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? "Fill in this answer" : `Use at least ${count(issue.minimum)} characters`;
      }
      if (issue.origin === "array" || issue.origin === "set") return `Choose at least ${count(issue.minimum)}`;
      return `Enter a number no lower than ${count(issue.minimum)}`;
    case "invalid_type":
      if (issue.input === undefined) return "Fill in this answer";
      if (issue.expected === "number" || issue.expected === "int") return "Enter a number";
      if (issue.expected === "date") return "Enter a real date";
      return "Check this answer and try again";
    case "invalid_value":
      return "Choose one of the options given";
    case "invalid_format":
      return issue.format === "email"
        ? "Enter an email address in the correct format, like name@example.com"
        : "Check this answer is in the format asked for";
    case "not_multiple_of":
      return `Enter a multiple of ${count(issue.divisor)}`;
    case "unrecognized_keys":
      return "The form sent answers it does not ask for: reload the page and try again";
    default:
      return "Check this answer and try again";
  }
}

z.config({ customError: plainMessage });
