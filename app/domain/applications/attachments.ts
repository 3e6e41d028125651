// Attachments (bilag): the type is checked by content as well as by name.
// Accepted: PDF, Office documents (OOXML and legacy), OpenDocument, PNG, JPEG.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024; // 10 MB
export const MAX_ATTACHMENTS_PER_APPLICATION = 10;

type Kind = "pdf" | "ooxml" | "ole" | "odf" | "png" | "jpeg";

const EXTENSIONS: Record<string, { kind: Kind; mime: string }> = {
  pdf: { kind: "pdf", mime: "application/pdf" },
  docx: { kind: "ooxml", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { kind: "ooxml", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  pptx: { kind: "ooxml", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  doc: { kind: "ole", mime: "application/msword" },
  xls: { kind: "ole", mime: "application/vnd.ms-excel" },
  ppt: { kind: "ole", mime: "application/vnd.ms-powerpoint" },
  odt: { kind: "odf", mime: "application/vnd.oasis.opendocument.text" },
  ods: { kind: "odf", mime: "application/vnd.oasis.opendocument.spreadsheet" },
  png: { kind: "png", mime: "image/png" },
  jpg: { kind: "jpeg", mime: "image/jpeg" },
  jpeg: { kind: "jpeg", mime: "image/jpeg" },
};

export const ACCEPTED_EXTENSIONS = Object.keys(EXTENSIONS);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function contentKind(bytes: Uint8Array): Kind | "zip" | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  return null;
}

/** Latin-1 view of the first bytes, to look for names inside a zip container. */
function head(bytes: Uint8Array, length = 4096): string {
  let text = "";
  for (let i = 0; i < Math.min(bytes.length, length); i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

export type AttachmentCheck =
  | { ok: true; mimeType: string; extension: string }
  | { ok: false; problem: "empty" | "tooLarge" | "unsupportedType" | "contentMismatch" };

/** Checks size, the file name's extension and that the content really is of that type. */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "tooLarge" };
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const expected = EXTENSIONS[extension];
  if (!expected) return { ok: false, problem: "unsupportedType" };
  const actual = contentKind(bytes);
  let matches = actual === expected.kind;
  if (actual === "zip") {
    const text = head(bytes, 64 * 1024);
    if (expected.kind === "ooxml") matches = text.includes("[Content_Types].xml");
    if (expected.kind === "odf") matches = text.includes("mimetypeapplication/vnd.oasis.opendocument");
  }
  if (!matches) return { ok: false, problem: "contentMismatch" };
  return { ok: true, mimeType: expected.mime, extension };
}

/** A file name safe to put in a Content-Disposition header and on disk listings. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "bilag";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\u0000-\u001f"<>|:*?\\]/g, "_").trim();
  return (cleaned || "bilag").slice(0, 150);
}
