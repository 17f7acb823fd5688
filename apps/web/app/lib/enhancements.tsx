import { useNonce } from "@observatory/ui";
import { useMatches } from "@remix-run/react";
import { createContext, useContext } from "react";
import type { Enhancement } from "./enhancement-names";

// Public pages are rendered on the server only (no hydration: decision 023). What JavaScript a page
// earns is one of the small modules in apps/web/app/enhancements, each built on its own.

/** A route's `handle`: the enhancements its page needs, given its loader data. */
export type EnhancedRoute = { enhancements: (data: unknown) => Enhancement[] };

/** An enhancement's module and the modules it imports (preloaded beside it). */
export type EnhancementFiles = { src: string; imports: string[] };

const FilesContext = createContext<Record<Enhancement, EnhancementFiles> | null>(null);

/** Set by entry.server.tsx from the build's manifest. */
export const EnhancementFilesProvider = FilesContext.Provider;

function isEnhancedRoute(handle: unknown): handle is EnhancedRoute {
  return typeof handle === "object" && handle !== null && "enhancements" in handle;
}

/** The module scripts of this page: the header's on every page, and what its routes ask for. */
export function EnhancementScripts() {
  const files = useContext(FilesContext);
  const nonce = useNonce();
  const wanted = new Set<Enhancement>(["header"]);
  for (const match of useMatches()) {
    if (isEnhancedRoute(match.handle)) for (const name of match.handle.enhancements(match.data)) wanted.add(name);
  }
  if (!files) return null;
  const modules = [...wanted].map((name) => files[name]);
  const imports = [...new Set(modules.flatMap((module) => module.imports))];
  return (
    <>
      {imports.map((href) => (
        <link key={href} rel="modulepreload" href={href} nonce={nonce} />
      ))}
      {modules.map(({ src }) => (
        <script key={src} type="module" src={src} nonce={nonce} />
      ))}
    </>
  );
}
