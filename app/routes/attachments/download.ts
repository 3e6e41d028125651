// Serves an attachment to users who may read its application: 403 for roles
// that never read application content (HMU, admin), 404 outside the user's
// scope, for unknown ids and for removed attachments that no submitted version
// of the application lists (those a version lists stay readable with it).
// Always a download (Content-Disposition: attachment), never cached, never
// sniffed (X-Content-Type-Options comes with every response from server.js;
// sent here too, the browser would get it twice).
import type { Route } from "./+types/download";
import { contentDisposition, findDownloadableAttachment } from "~/services/attachments.server";
import { notFound, requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { readStoredFile } from "~/utils/storage.server";
import { withErrorPage } from "~/utils/error-page.server";
import { getLang } from "~/utils/lang.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  // A refusal is a Danish page (the link was followed in the browser), not raw JSON.
  return withErrorPage(await getLang(request), () => download(request, params.attachmentId), {
    403: { heading: "error.heading.403", text: "error.403.attachment" },
    404: { heading: "error.heading.404.attachment", text: "error.404.attachment" },
  });
}

async function download(request: Request, attachmentId: string): Promise<Response> {
  const user = await requireUserWith(request, "application:read");
  const attachment = requireRecordAccess(user, "application:read", await findDownloadableAttachment(attachmentId), (a) => a.scope);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    // readStoredFile copies the file into a fresh ArrayBuffer.
    bytes = (await readStoredFile(attachment.storageKey)) as Uint8Array<ArrayBuffer>;
  } catch {
    console.error(`[attachments] file missing for storage key ${attachment.storageKey.slice(0, 8)}…`);
    notFound();
  }
  return new Response(bytes, {
    status: 200,
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
