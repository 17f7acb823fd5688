import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of the response being rendered, for the page's inline scripts.
// Only the server render has one: browsers hide a nonce from scripts, so the client render has none
// to match and needs none (its scripts are already running).
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

/** This response's script nonce on the server; undefined in the browser. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
