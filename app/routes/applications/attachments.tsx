// Upload and remove attachments (action only; the forms live in the
// AttachmentsPanel on the edit and detail pages).
//
// Design for working without JavaScript: this route has no page of its own, so
// every outcome of a valid request is a redirect back to the page the panel is
// on — the edit page while the application can change, else the detail page —
// with the outcome in the URL, which the panel turns into a message next to the
// file field (and focuses with #bilag):
//   ?attachmentOk=added&name=plan.pdf#bilag        ?attachmentOk=removed#bilag
//   ?attachmentError=<code>[&ext=pdf][&name=…]#bilag   (codes: attachment-messages.ts)
// Only a request no form of ours sends (no or unknown intent) answers 400.
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/attachments";
import { fileTypeLabel, isAttachmentErrorCode, type AttachmentErrorCode } from "~/components/applications/attachment-messages";
import { safeFileName } from "~/domain/applications/attachments";
import { isEditable, type ApplicationStatus } from "~/domain/applications/status";
import { addAttachment, findApplicationForAttachments, removeAttachment } from "~/services/attachments.server";
import { readUploadForm } from "~/utils/upload.server";
import { actorFor, FieldError, PermissionError } from "~/services/mutation.server";
import { requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { plainString } from "~/utils/validation";

const IntentSchema = z.enum(["upload", "remove"]);
const RemoveSchema = z.object({
  attachmentId: plainString().trim().min(1).max(100),
  confirm: z.literal("yes", { error: "attachments.error.confirmRemove" }),
});

function backTo(applicationId: string, status: ApplicationStatus, params: Record<string, string>) {
  const page = isEditable(status) ? `/applications/${applicationId}/edit` : `/applications/${applicationId}`;
  return redirect(`${page}?${new URLSearchParams(params).toString()}#bilag`);
}

/** The error code of a FieldError from the attachment mutations ("attachments.error.tooMany" → "tooMany"). */
function errorCode(error: FieldError): AttachmentErrorCode {
  const code = error.messageKey.replace(/^attachments\.error\./, "");
  return isAttachmentErrorCode(code) ? code : "badRequest";
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "application:edit");
  const application = requireRecordAccess(user, "application:edit", await findApplicationForAttachments(params.applicationId), (a) => ({
    areaId: a.areaId,
    unitId: a.unitId,
  }));
  const back = (outcome: Record<string, string>, status: ApplicationStatus = application.status) =>
    backTo(application.id, status, outcome);

  const form = await readUploadForm(request);
  if (!form.ok) {
    // Only a file makes a body this large.
    if (form.reason === "tooLarge") return back({ attachmentError: "tooLarge" });
    return data({ message: "bad request" }, { status: 400 });
  }
  const intent = IntentSchema.safeParse(form.formData.get("intent"));
  if (!intent.success) return data({ message: "unknown intent" }, { status: 400 });
  const actor = actorFor(request, user);

  try {
    if (intent.data === "upload") {
      const file = form.formData.get("file");
      if (!(file instanceof File) || (file.size === 0 && file.name === "")) return back({ attachmentError: "missing" });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const added = await addAttachment(actor, { applicationId: application.id, fileName: file.name, bytes });
      return back({ attachmentOk: "added", name: added.fileName });
    }
    const remove = RemoveSchema.safeParse({ attachmentId: form.formData.get("attachmentId"), confirm: form.formData.get("confirm") });
    if (!remove.success) {
      const confirmMissing = remove.error.issues.some((issue) => issue.path[0] === "confirm");
      if (confirmMissing && typeof form.formData.get("attachmentId") === "string") return back({ attachmentError: "confirmRemove" });
      return data({ message: "bad request" }, { status: 400 });
    }
    await removeAttachment(actor, { applicationId: application.id, attachmentId: remove.data.attachmentId });
    return back({ attachmentOk: "removed" });
  } catch (error) {
    if (error instanceof FieldError) {
      const code = errorCode(error);
      const file = form.formData.get("file");
      const name = file instanceof File && file.name ? safeFileName(file.name) : "";
      return back({
        attachmentError: code,
        ...(code === "contentMismatch" ? { ext: fileTypeLabel(name).toLowerCase() } : {}),
        ...(name ? { name } : {}),
      });
    }
    if (error instanceof PermissionError) throw data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.application", text: "error.404.application" } }} />;
}
