// Attachments (bilag): the type is checked by content as well as by name.
// Accepted: PDF, Office documents (OOXML and legacy), OpenDocument, PNG, JPEG.
import { stripBidiControls } from "../text";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024; // 10 MB
export const MAX_ATTACHMENTS_PER_APPLICATION = 10;

type Kind = "pdf" | "ooxml" | "ole" | "odf" | "png" | "jpeg";

/**
 * `folder`: an OOXML file of this type keeps its parts in this folder of the
 * zip (word/document.xml, xl/workbook.xml, ppt/presentation.xml), so an .xlsx
 * renamed .docx does not pass.
 */
const EXTENSIONS: Record<string, { kind: Kind; mime: string; folder?: string }> = {
  pdf: { kind: "pdf", mime: "application/pdf" },
  docx: { kind: "ooxml", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", folder: "word/" },
  xlsx: { kind: "ooxml", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", folder: "xl/" },
  pptx: { kind: "ooxml", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", folder: "ppt/" },
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

/** Latin-1 view of bytes[start, end), to look for names inside a zip container. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let i = Math.max(0, start); i < Math.min(bytes.length, end); i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** How far into the file the local headers are read when the central directory cannot be. */
const ZIP_HEAD_BYTES = 64 * 1024;
const MAX_ZIP_ENTRIES = 10_000;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Entry names from the central directory at the end of a zip; null when it cannot be read. */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65 535.
  const END = [0x50, 0x4b, 0x05, 0x06];
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (startsWith(bytes, END, at)) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count > MAX_ZIP_ENTRIES || offset + size > end) return null; // zip64 or damaged
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || !startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at)) return null;
    const nameLength = u16(bytes, at + 28);
    names.push(latin1(bytes, at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** Entry names from the local headers found in the first ZIP_HEAD_BYTES (for a zip without a readable end). */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const limit = Math.min(bytes.length, ZIP_HEAD_BYTES);
  for (let at = 0; at + 30 <= limit && names.length < MAX_ZIP_ENTRIES; at++) {
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], at)) continue;
    const nameLength = u16(bytes, at + 26);
    names.push(latin1(bytes, at + 30, at + 30 + nameLength));
    at += 29;
  }
  return names;
}

/** The names of a zip's entries: from its central directory, else from the local headers at its start. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

/** An OOXML package: content types plus the folder of the main part for the extension. */
function isOoxml(bytes: Uint8Array, folder: string): boolean {
  const names = zipEntryNames(bytes);
  return names.includes("[Content_Types].xml") && names.some((name) => name.startsWith(folder) && name.length > folder.length);
}

/** An OpenDocument file of exactly this type: its first entry "mimetype" holds the MIME type, stored uncompressed. */
function isOpenDocument(bytes: Uint8Array, mime: string): boolean {
  const text = latin1(bytes, 0, ZIP_HEAD_BYTES);
  const at = text.indexOf(`mimetype${mime}`);
  // Not a longer type that starts the same (…opendocument.text-template, …text-master).
  return at >= 0 && text.charAt(at + "mimetype".length + mime.length) !== "-";
}

export type AttachmentCheck =
  | { ok: true; mimeType: string; extension: string }
  | { ok: false; problem: "empty" | "tooLarge" | "unsupportedType" | "contentMismatch" };

/** Checks size, the file name's extension and that the content really is of that type. */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "tooLarge" };
  const extension = fileExtension(fileName);
  const expected = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  if (!expected) return { ok: false, problem: "unsupportedType" };
  const actual = contentKind(bytes);
  let matches = actual === expected.kind;
  if (actual === "zip") {
    if (expected.kind === "ooxml") matches = isOoxml(bytes, expected.folder ?? "");
    if (expected.kind === "odf") matches = isOpenDocument(bytes, expected.mime);
  }
  if (!matches) return { ok: false, problem: "contentMismatch" };
  return { ok: true, mimeType: expected.mime, extension };
}

/** Longest file name kept (characters), extension included. */
export const MAX_FILE_NAME_LENGTH = 150;

/** The extension of a file name ("pdf" of "Plan.PDF"), lower-case; "" when it has none. */
export function fileExtension(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
}

/**
 * A file name safe to put in a Content-Disposition header and on disk listings:
 * the last path segment, without control and bidirectional control characters,
 * at most MAX_FILE_NAME_LENGTH characters. A long name is shortened in its base
 * name, so that the extension (which decides the type) is kept.
 */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = stripBidiControls(base).replace(/[\u0000-\u001f\u007f"<>|:*?\\]/g, "_").trim() || "bilag";
  const chars = Array.from(cleaned); // by code point: never cut a surrogate pair in two
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? "";
  const stem = chars.slice(0, chars.length - extension.length);
  return stem.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join("").trimEnd() + extension;
}
