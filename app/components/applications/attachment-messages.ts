// Attachment texts shared by the upload action (server) and the panel (UI):
// the outcome codes the action puts in the redirect URL, and the Danish
// (or English) message each code shows next to the file field.
import { ACCEPTED_EXTENSIONS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_APPLICATION } from "~/domain/applications/attachments";
import type { Lang, Translate } from "~/i18n";

export const ATTACHMENT_ERROR_CODES = [
  "missing",
  "empty",
  "tooLarge",
  "unsupportedType",
  "contentMismatch",
  "tooMany",
  "notEditable",
  "confirmRemove",
  "badRequest",
] as const;
export type AttachmentErrorCode = (typeof ATTACHMENT_ERROR_CODES)[number];

export function isAttachmentErrorCode(value: unknown): value is AttachmentErrorCode {
  return typeof value === "string" && (ATTACHMENT_ERROR_CODES as readonly string[]).includes(value);
}

const locales: Record<Lang, string> = { da: "da-DK", en: "en-GB" };

/** 850 B, 12 KB, 1,2 MB (da) — 1.2 MB (en). Binary units (1 KB = 1024 B). */
export function formatFileSize(bytes: number, lang: Lang = "da"): string {
  const format = (value: number) => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** "PDF, DOCX, XLSX, …" */
export function acceptedTypesText(): string {
  return ACCEPTED_EXTENSIONS.map((e) => e.toUpperCase()).join(", ");
}

/** The accept attribute of the file input: ".pdf,.docx,…" */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",");

/** The upper-case extension of a file name ("plan.pdf" → "PDF"), or "" without one. */
export function fileTypeLabel(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toUpperCase() ?? "";
}

/** The message for an error code; `ext` names the type the file claimed to be. */
export function attachmentErrorText(t: Translate, lang: Lang, code: AttachmentErrorCode, ext?: string | null): string {
  const max = formatFileSize(MAX_ATTACHMENT_BYTES, lang);
  switch (code) {
    case "missing":
      return t("attachments.error.missing");
    case "empty":
      return t("attachments.error.empty");
    case "tooLarge":
      return t("attachments.error.tooLarge", { max });
    case "unsupportedType":
      return t("attachments.error.unsupportedType", { types: acceptedTypesText() });
    case "contentMismatch":
      return t("attachments.error.contentMismatch", { type: (ext ?? "").toUpperCase() || "?" });
    case "tooMany":
      return t("attachments.error.tooMany", { max: MAX_ATTACHMENTS_PER_APPLICATION });
    case "notEditable":
      return t("attachments.error.notEditable");
    case "confirmRemove":
      return t("attachments.error.confirmRemove");
    case "badRequest":
      return t("attachments.error.badRequest");
  }
}
