// A URL whose path or query holds a NUL or another control character is never
// one of ours (ids and filters are plain text), and PostgreSQL refuses NUL in
// text: such a request answers 400 before anything looks its values up.
import { data } from "react-router";
import { CONTROL_CHARACTERS } from "~/utils/validation";

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape is not ours to judge here
  }
}

/** Throws a 400 response when the request's URL carries control characters (in its decoded path or query values). */
export function refuseControlCharactersInUrl(request: Request): void {
  const url = new URL(request.url);
  if (CONTROL_CHARACTERS.test(decoded(url.pathname))) throw data({ message: "control characters in the URL" }, { status: 400 });
  for (const [name, value] of url.searchParams) {
    if (CONTROL_CHARACTERS.test(name) || CONTROL_CHARACTERS.test(value)) throw data({ message: "control characters in the URL" }, { status: 400 });
  }
}
