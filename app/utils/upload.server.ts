// Reading an attachment upload without letting a huge body exhaust memory.
import { MAX_ATTACHMENT_BYTES } from "~/domain/applications/attachments";
import { readCappedFormData, type CappedForm } from "./form-data.server";

/** The multipart body may exceed the file limit by this much (boundaries, other fields). */
export const UPLOAD_OVERHEAD_BYTES = 64 * 1024;
export const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + UPLOAD_OVERHEAD_BYTES;

/** The upload form's body, capped at MAX_UPLOAD_BODY_BYTES (see readCappedFormData). */
export function readUploadForm(request: Request): Promise<CappedForm> {
  return readCappedFormData(request, MAX_UPLOAD_BODY_BYTES);
}
