import { createContext, useContext } from "react";

// The CSP nonce of this response, handed from the server entry to <Scripts> and
// <Links>. In the browser there is no provider: the nonce is read back from a
// script the server rendered, so hydration sees the same attribute.
export const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  const nonce = useContext(NonceContext);
  if (nonce !== undefined || typeof document === "undefined") return nonce;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
