// The demo data plus the records the route tests need (applications of the
// applicant's unit and of another area, with attachments, and a draft guideline
// version), and the ids of the records a route's URL names.
import { prisma } from "~/utils/db.server";
import { newStorageKey, storeFile } from "~/utils/storage.server";
import { demoEmailFor, resetToDemo } from "./db-utils";

export interface Ids {
  ownUnit: string; // applicant's unit (BUU)
  sameAreaUnit: string; // another BUU unit
  otherAreaUnit: string; // a VJH unit
  buuArea: string;
  someUser: string;
  round: string;
  focusArea: string;
  ownApplication: string; // submitted, BUU unit of the demo applicant
  ownDraft: string; // draft, same unit
  otherAreaApplication: string; // draft, VJH unit
  otherAreaSubmitted: string; // submitted, VJH unit
  ownAttachment: string;
  ownDraftAttachment: string;
  otherAreaAttachment: string; // on the VJH draft
  otherAreaSubmittedAttachment: string;
}

/** Four applications (submitted own, draft own, draft in VJH, submitted in VJH), each with a PDF attachment. */
async function seedApplications(ownUnit: string, otherAreaUnit: string, roundId: string) {
  const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmailFor("APPLICANT") } });
  const other = await prisma.user.findUniqueOrThrow({ where: { email: "ansoeger.vjh@demo.aarhus.dk" } });
  const make = async (reference: string, unitId: string, createdById: string, status: "DRAFT" | "SUBMITTED") => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
    const application = await prisma.application.create({
      data: { reference, roundId, unitId, areaId: unit.areaId, createdById, status, title: `Ansøgning ${reference}` },
    });
    const storageKey = newStorageKey();
    await storeFile(storageKey, new TextEncoder().encode("%PDF-1.4\n%test\n"));
    const attachment = await prisma.attachment.create({
      data: { applicationId: application.id, fileName: "plan.pdf", mimeType: "application/pdf", sizeBytes: 16, sha256: "x", storageKey, uploadedById: createdById },
    });
    return { id: application.id, attachmentId: attachment.id };
  };
  const own = await make("2026-9001", ownUnit, applicant.id, "SUBMITTED");
  const draft = await make("2026-9002", ownUnit, applicant.id, "DRAFT");
  const otherArea = await make("2026-9003", otherAreaUnit, other.id, "DRAFT");
  const otherAreaSubmitted = await make("2026-9004", otherAreaUnit, other.id, "SUBMITTED");
  return {
    ownApplication: own.id,
    ownDraft: draft.id,
    otherAreaApplication: otherArea.id,
    otherAreaSubmitted: otherAreaSubmitted.id,
    ownAttachment: own.attachmentId,
    ownDraftAttachment: draft.attachmentId,
    otherAreaAttachment: otherArea.attachmentId,
    otherAreaSubmittedAttachment: otherAreaSubmitted.attachmentId,
  };
}

/** A clean demo database with the route fixtures; returns their ids. */
export async function seedRouteFixtures(): Promise<Ids> {
  await resetToDemo();
  const unit = async (code: string, name: string) =>
    (await prisma.unit.findFirstOrThrow({ where: { name, area: { code } }, select: { id: true } })).id;
  const ids: Ids = {
    ownUnit: await unit("BUU", "Center for Familieindsatser"),
    sameAreaUnit: await unit("BUU", "Center for Unge og Uddannelse"),
    otherAreaUnit: await unit("VJH", "Center for Bo- og Dagtilbud"),
    buuArea: (await prisma.area.findUniqueOrThrow({ where: { code: "BUU" } })).id,
    someUser: (await prisma.user.findUniqueOrThrow({ where: { email: demoEmailFor("APPLICANT") } })).id,
    round: (await prisma.round.findFirstOrThrow({ select: { id: true } })).id,
    focusArea: (await prisma.focusArea.findFirstOrThrow({ select: { id: true } })).id,
    // Filled in below, once the applications exist.
    ownApplication: "",
    ownDraft: "",
    otherAreaApplication: "",
    otherAreaSubmitted: "",
    ownAttachment: "",
    ownDraftAttachment: "",
    otherAreaAttachment: "",
    otherAreaSubmittedAttachment: "",
  };
  // A draft guideline version next to the adopted v1 (drafts are not for everyone's eyes).
  await prisma.guidelineVersion.create({ data: { version: 2, title: "Udkast", body: "", status: "DRAFT" } });
  Object.assign(ids, await seedApplications(ids.ownUnit, ids.otherAreaUnit, ids.round));
  return ids;
}
