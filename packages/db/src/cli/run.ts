import { describeDbError, EnvError } from "../index.ts";

/** Runs a command-line task: a known failure is one readable line and exit code 1, never a stack trace. */
export async function runCli(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : `Failed: ${describeDbError(error)}`);
    process.exitCode = 1;
  } finally {
    const { stopEmbeddedDatabase } = await import("../embedded/server.ts");
    await stopEmbeddedDatabase();
  }
  process.exit();
}
