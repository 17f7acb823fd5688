import { readFileSync } from "node:fs";
import { type Enhancement, enhancementNames } from "./enhancement-names";
import type { EnhancementFiles } from "./enhancements";

type ManifestChunk = { file: string; imports?: string[] };

// Written by `vite build -c vite.enhancements.config.ts` beside the client build (not served).
const manifestUrl = new URL("../client/.vite/enhancements.json", import.meta.url);

function sourceOf(name: Enhancement): string {
  return `app/enhancements/${name}.ts`;
}

function byName(filesOf: (name: Enhancement) => EnhancementFiles): Record<Enhancement, EnhancementFiles> {
  const files = {} as Record<Enhancement, EnhancementFiles>;
  for (const name of enhancementNames) files[name] = filesOf(name);
  return files;
}

function fromManifest(): Record<Enhancement, EnhancementFiles> {
  const manifest = JSON.parse(readFileSync(manifestUrl, "utf8")) as Record<string, ManifestChunk>;
  const chunk = (key: string): ManifestChunk => {
    const found = manifest[key];
    if (!found) throw new Error(`The enhancements' build has no ${key}: build the web app again`);
    return found;
  };
  const importsOf = (key: string): string[] =>
    (chunk(key).imports ?? []).flatMap((imported) => [`/${chunk(imported).file}`, ...importsOf(imported)]);
  return byName((name) => ({ src: `/${chunk(sourceOf(name)).file}`, imports: importsOf(sourceOf(name)) }));
}

/** The built modules; under `remix vite:dev`, Vite serves each from its source instead. */
export const enhancementFiles = import.meta.env.DEV
  ? byName((name) => ({ src: `/${sourceOf(name)}`, imports: [] }))
  : fromManifest();
