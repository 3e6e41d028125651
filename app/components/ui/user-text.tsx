// Text that people typed (titles, names, file names, comments, unit names…),
// shown so that its direction cannot reorder the page around it: inline in a
// <bdi> (isolated, direction from its own first strong character), blocks with
// dir="auto". Inside a translated sentence, an option label or an attribute,
// where no element fits, use isolateText() from ~/domain/text.
import type { ReactNode } from "react";
import { stripBidiControls } from "~/domain/text";

/** Inline user text, isolated. Renders nothing for empty text. */
export function UserText({ text, className }: { text: string | null | undefined; className?: string }): ReactNode {
  if (!text) return null;
  return (
    <bdi dir="auto" className={className}>
      {stripBidiControls(text)}
    </bdi>
  );
}
