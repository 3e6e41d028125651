// Attachments (bilag) of an application: upload with a size cap, checked by
// content as well as by name, stored on disk outside the public folder, listed
// for the panel, served by a resource route after a permission check, and
// removed softly (removedAt) so that a frozen version may still refer to them.
import { createHash } from "node:crypto";
import {
  ACCEPTED_EXTENSIONS,
  checkAttachment,
  fileExtension,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_APPLICATION,
  safeFileName,
} from "~/domain/applications/attachments";
import { isEditable, type ApplicationStatus } from "~/domain/applications/status";
import { applicationRecordScope } from "~/domain/applications/visibility";
import type { RecordScope } from "~/domain/permissions";
import { prisma, type Tx } from "~/utils/db.server";
import { newStorageKey, storeFile } from "~/utils/storage.server";
import { defineMutation, FieldError, PermissionError, type MutationContext } from "./mutation.server";

// ---------------------------------------------------------------------------
// Reads

export interface AttachmentListItem {
  id: string;
  fileName: string;
  sizeBytes: number;
  mimeType: string;
  createdAt: Date;
}

/** The application's current attachments (not removed), oldest first. For loaders. */
export async function listAttachments(applicationId: string): Promise<AttachmentListItem[]> {
  return prisma.attachment.findMany({
    where: { applicationId, removedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, sizeBytes: true, mimeType: true, createdAt: true },
  });
}

/** The application's id, status and scope (for the upload route's checks), or null. */
export async function findApplicationForAttachments(applicationId: string) {
  return prisma.application.findUnique({
    where: { id: applicationId },
    select: { id: true, status: true, unitId: true, areaId: true },
  });
}

export interface DownloadableAttachment {
  fileName: string;
  mimeType: string;
  storageKey: string;
  scope: RecordScope;
}

/**
 * An attachment that may be downloaded, with its application's scope; null
 * otherwise. A removed attachment stays downloadable while a submitted version
 * of its application lists it (the frozen version links to it); one that no
 * version refers to is gone.
 */
export async function findDownloadableAttachment(attachmentId: string): Promise<DownloadableAttachment | null> {
  const attachment = await prisma.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      storageKey: true,
      removedAt: true,
      applicationId: true,
      application: { select: { unitId: true, areaId: true, status: true, submittedAt: true } },
    },
  });
  if (!attachment) return null;
  if (attachment.removedAt && !(await isInSubmittedVersion(attachment.applicationId, attachment.id))) return null;
  return {
    fileName: attachment.fileName,
    mimeType: attachment.mimeType,
    storageKey: attachment.storageKey,
    scope: applicationRecordScope(attachment.application),
  };
}

/** Whether a submitted version of the application lists the attachment (ApplicationSnapshot.attachments). */
async function isInSubmittedVersion(applicationId: string, attachmentId: string): Promise<boolean> {
  const version = await prisma.applicationVersion.findFirst({
    where: { applicationId, content: { path: ["attachments"], array_contains: [{ id: attachmentId }] } },
    select: { id: true },
  });
  return version !== null;
}

const DANISH_ASCII: Record<string, string> = { æ: "ae", Æ: "Ae", ø: "oe", Ø: "Oe", å: "aa", Å: "Aa" };

/** RFC 6266 header value: an ASCII fallback name plus the exact UTF-8 name (RFC 5987). */
export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  const ascii = name
    .replace(/[æÆøØåÅ]/g, (c) => DANISH_ASCII[c] ?? "_")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---------------------------------------------------------------------------
// ---------------------------------------------------------------------------
// Mutations

interface LockedApplication {
  id: string;
  reference: string;
  status: ApplicationStatus;
  unitId: string;
  areaId: string;
}

/**
 * Locks the application row (so that two uploads cannot both pass the count
 * check, and a submission cannot slip between check and insert), checks the
 * record scope (404) and that its content may still change.
 */
async function lockEditableApplication(tx: Tx, requireScope: MutationContext["requireScope"], applicationId: string): Promise<LockedApplication> {
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  const application = await tx.application.findUnique({
    where: { id: applicationId },
    select: { id: true, reference: true, status: true, unitId: true, areaId: true },
  });
  if (!application) throw new PermissionError(404);
  requireScope("application:edit", { areaId: application.areaId, unitId: application.unitId });
  if (!isEditable(application.status)) throw new FieldError("file", "attachments.error.notEditable");
  return application;
}

export interface AddAttachmentInput {
  applicationId: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Checks the file (size, name, content), the number of attachments and the
 * application's status, then stores the bytes and writes the row. Nothing is
 * stored when a check fails. Should the transaction fail after the bytes were
 * written, the file is left without a row (an orphan nobody can reach).
 */
export const addAttachment = defineMutation<AddAttachmentInput, AttachmentListItem>("attachment.add", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const application = await lockEditableApplication(tx, requireScope, input.applicationId);
    // The type is judged on the whole name as sent; the stored name is shortened in its base, keeping the extension.
    const check = checkAttachment(input.fileName, input.bytes);
    const fileName = safeFileName(input.fileName);
    if (!check.ok) {
      switch (check.problem) {
        case "empty":
          throw new FieldError("file", "attachments.error.empty");
        case "tooLarge":
          throw new FieldError("file", "attachments.error.tooLarge", { maxBytes: MAX_ATTACHMENT_BYTES });
        case "unsupportedType":
          throw new FieldError("file", "attachments.error.unsupportedType", { types: ACCEPTED_EXTENSIONS.map((e) => e.toUpperCase()).join(", ") });
        case "contentMismatch":
          throw new FieldError("file", "attachments.error.contentMismatch", { type: fileExtension(fileName).toUpperCase() });
      }
    }
    const count = await tx.attachment.count({ where: { applicationId: application.id, removedAt: null } });
    if (count >= MAX_ATTACHMENTS_PER_APPLICATION) {
      throw new FieldError("file", "attachments.error.tooMany", { max: MAX_ATTACHMENTS_PER_APPLICATION });
    }
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const storageKey = newStorageKey();
    await storeFile(storageKey, input.bytes);
    const attachment = await tx.attachment.create({
      data: {
        applicationId: application.id,
        fileName,
        mimeType: check.mimeType,
        sizeBytes: input.bytes.byteLength,
        sha256,
        storageKey,
        uploadedById: actor.user!.id, // the permission check guarantees a user
      },
      select: { id: true, fileName: true, sizeBytes: true, mimeType: true, createdAt: true },
    });
    return {
      result: attachment,
      audit: {
        action: "attachment.add",
        entityType: "Attachment",
        entityId: attachment.id,
        // Never the content: name, size, type and checksum only.
        after: {
          applicationId: application.id,
          reference: application.reference,
          fileName: attachment.fileName,
          sizeBytes: attachment.sizeBytes,
          mimeType: attachment.mimeType,
          sha256,
        },
      },
    };
  },
});

export const removeAttachment = defineMutation<{ applicationId: string; attachmentId: string }, { id: string; fileName: string }>(
  "attachment.remove",
  {
    permission: "application:edit",
    async run({ tx, requireScope }, input) {
      const application = await lockEditableApplication(tx, requireScope, input.applicationId);
      const attachment = await tx.attachment.findFirst({
        where: { id: input.attachmentId, applicationId: application.id, removedAt: null },
        select: { id: true, fileName: true, sizeBytes: true, mimeType: true, sha256: true },
      });
      if (!attachment) throw new PermissionError(404);
      const removedAt = new Date();
      await tx.attachment.update({ where: { id: attachment.id }, data: { removedAt } });
      return {
        result: { id: attachment.id, fileName: attachment.fileName },
        audit: {
          action: "attachment.remove",
          entityType: "Attachment",
          entityId: attachment.id,
          before: { applicationId: application.id, fileName: attachment.fileName, removedAt: null },
          after: { applicationId: application.id, reference: application.reference, fileName: attachment.fileName, removedAt },
        },
      };
    },
  },
);

export const attachmentMutations = [addAttachment, removeAttachment] as const;
