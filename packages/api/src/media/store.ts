import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { apiConfig } from "../config.ts";

/**
 * Where the library's files live. Everything reads and writes files through this interface, so an
 * object store can take the local folder's place without any other change: give the API a
 * different store in its configuration.
 */
export type MediaStore = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is no file under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
};

/** Keys are made by the library (random letters and digits, a width, an extension): nothing else is a key. */
const SAFE_KEY = /^[a-z0-9][a-z0-9.-]{0,99}$/;

/** The key, checked: a store never reads or writes under anything else. */
export function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Not a media key: ${JSON.stringify(key)}`);
  return key;
}

function pathFor(dir: string, key: string): string {
  return path.join(dir, checkedKey(key));
}

/** Files in one folder (MEDIA_DIR), shared by both apps. */
export function localFolderStore(dir: string): MediaStore {
  return {
    async put(key, bytes) {
      const target = pathFor(dir, key);
      await mkdir(dir, { recursive: true });
      // Written under a temporary name and renamed, so a half-written file is never served.
      const temporary = path.join(dir, `.${key}.${process.pid}.part`);
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
    async get(key) {
      try {
        return await readFile(pathFor(dir, key));
      } catch (error) {
        // No such file is a missing image; a disk that cannot be read is a server error.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      try {
        await unlink(pathFor(dir, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
  };
}

const stores = new Map<string, MediaStore>();

/** The store the API is configured with: an object store (MEDIA_STORE), else the local folder (MEDIA_DIR). */
export function mediaStore(): MediaStore {
  const config = apiConfig();
  if (config.mediaStore) return config.mediaStore;
  let store = stores.get(config.mediaDir);
  if (!store) {
    store = localFolderStore(config.mediaDir);
    stores.set(config.mediaDir, store);
  }
  return store;
}
