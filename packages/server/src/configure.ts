import { configureApi } from "@observatory/api";
import { apiConfigFromEnv } from "./env.ts";

/**
 * Configures the API from the environment. Each app calls it from its own server code: the app's
 * build carries its own copy of the API, so configuring another copy would not reach it.
 */
export function configureApiFromEnv(): void {
  configureApi(apiConfigFromEnv());
}
