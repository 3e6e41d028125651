// Text typed by people, shown to other people: the Unicode bidirectional
// controls in it must not be able to reorder what stands around it.
// "x\u202Egnp.pdf" (RIGHT-TO-LEFT OVERRIDE) shows as "xfdp.png".

/** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the invisible marks LRM, RLM and ALM. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** The text without bidirectional control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** Does the text hold a bidirectional control character? */
export function hasBidiControls(text: string): boolean {
  return text.search(BIDI_CONTROLS) >= 0;
}

const FIRST_STRONG_ISOLATE = "\u2068";
const POP_DIRECTIONAL_ISOLATE = "\u2069";

/**
 * The plain-text form of <bdi>: user text to put inside a sentence of ours
 * (a translated message, an option label, an e-mail), isolated so that its
 * direction cannot leak into the sentence. Its own controls are removed first,
 * so that a stray "pop" inside it cannot close the isolation early. Empty text
 * stays empty.
 */
export function isolateText(text: string): string {
  const clean = stripBidiControls(text);
  return clean ? `${FIRST_STRONG_ISOLATE}${clean}${POP_DIRECTIONAL_ISOLATE}` : "";
}
