import { configureApi, parseS3Url, s3Store } from "@observatory/api";
import { apiConfigFromEnv, hostEnv, parseHostEnv } from "./env.ts";

/**
 * Configures the API from the environment (the process's own, or the one given: the start script
 * seeds with the settings it gives the apps). Each app calls it from its own server code: the app's
 * build carries its own copy of the API, so configuring another copy would not reach it.
 */
export function configureApiFromEnv(env?: NodeJS.ProcessEnv): void {
  const host = env ? parseHostEnv(env) : hostEnv();
  const location = host.MEDIA_STORE ? parseS3Url(host.MEDIA_STORE, host.S3_FORCE_PATH_STYLE) : null;
  configureApi({ ...apiConfigFromEnv(host), ...(location ? { mediaStore: s3Store(location) } : {}) });
}
