import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// The Nu HTML Checker (the W3C's validator, from the `vnu-jar` package) over pages the suite fetched.
// Starting it costs about 4 s of CPU (Java, then the HTML schema) and checking a page about 50 ms,
// so every page is written to one folder and checked by a single run.

const vnuJar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

export type CheckedPage = { name: string; html: string };

export type NuError = { line?: number; column?: number; message: string; extract: string };

type NuMessage = { url?: string; lastLine?: number; firstColumn?: number; message: string; extract?: string };

/**
 * Checks every page in one Nu run; returns each page's errors (an empty list for a valid page).
 * Warnings and notes are left out: they advise, and the checker's advice changes between versions.
 */
export async function nuErrors(pages: CheckedPage[]): Promise<Map<string, NuError[]>> {
  if (new Set(pages.map((page) => page.name)).size !== pages.length) throw new Error("two pages share a name");
  const folder = await mkdtemp(path.join(tmpdir(), "nu-check-"));
  try {
    const files = pages.map((_, index) => path.join(folder, `${index}.html`));
    await Promise.all(pages.map((page, index) => writeFile(files[index] ?? "", page.html)));
    const { stdout } = await promisify(execFile)(
      "java",
      ["-jar", vnuJar, "--errors-only", "--exit-zero-always", "--format", "json", "--stdout", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const errors = new Map(pages.map((page): [string, NuError[]] => [page.name, []]));
    for (const message of (JSON.parse(stdout) as { messages: NuMessage[] }).messages) {
      // The checker names a page by its file's URL ("file:/tmp/nu-check-x/3.html").
      const name = pages[Number(message.url?.match(/\/(\d+)\.html$/)?.[1] ?? Number.NaN)]?.name;
      // A message about no page (the checker could not read one) fails every page rather than none.
      const lists = name === undefined ? [...errors.values()] : [errors.get(name) ?? []];
      for (const list of lists) {
        list.push({
          line: message.lastLine,
          column: message.firstColumn,
          message: message.message,
          extract: message.extract?.replace(/\s+/g, " ").trim() ?? "",
        });
      }
    }
    return errors;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * One line per page and message, for a failing test to print: "page, line 1, column 80: message
 * (extract)", with "(and 11 more)" when the same message recurs on the page (a table row's error
 * comes once per row).
 */
export function describeNuErrors(errors: Map<string, NuError[]>): string[] {
  return [...errors].flatMap(([name, list]) => {
    const byMessage = new Map<string, NuError[]>();
    for (const error of list) byMessage.set(error.message, [...(byMessage.get(error.message) ?? []), error]);
    return [...byMessage.values()].map(([first, ...rest]) => {
      const where = `line ${first?.line ?? "?"}, column ${first?.column ?? "?"}`;
      const extract = first?.extract ? ` «${first.extract}»` : "";
      const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
      return `${name}, ${where}: ${first?.message}${extract}${more}`;
    });
  });
}
