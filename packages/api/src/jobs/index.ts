import type { Db } from "@observatory/db";
import { backgroundJobs } from "../root.ts";
import { startJobLoop } from "./runner.ts";

export function startBackgroundJobs(db: Db): () => void {
  return startJobLoop(db, backgroundJobs);
}
