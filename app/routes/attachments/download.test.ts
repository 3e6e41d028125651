// The download through the real HTTP stack: Express with server.js's security
// headers, React Router's Express adapter and the real route module.
import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { http, passthrough } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { newStorageKey, storeFile } from "~/utils/storage.server";
import { cookieFor, demoEmail, resetToDemo } from "../../../tests/db-utils";
import { mockServer } from "../../../tests/mocks/server";
import { serverBuildWith } from "../../../tests/server-build";
import { securityHeadersMiddleware } from "../../../server/security-headers.js";
import * as download from "./download";

let baseUrl = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(securityHeadersMiddleware({ dev: false, production: true }));
  app.use(
    createRequestHandler({ build: serverBuildWith([{ id: "attachments/download", path: "attachments/:attachmentId", module: download }]) }),
  );
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());
beforeEach(async () => {
  // Our own test server is a real peer, not an outside service to mock.
  mockServer.use(http.all(`${baseUrl}/*`, () => passthrough()));
  await resetToDemo();
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function storedAttachment(): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant }, select: { id: true, unitId: true } });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: user.unitId! }, select: { id: true, areaId: true } });
  const round = await prisma.round.findFirstOrThrow({ select: { id: true } });
  const application = await prisma.application.create({
    data: { reference: "2026-0901", roundId: round.id, unitId: unit.id, areaId: unit.areaId, createdById: user.id, status: "DRAFT", title: "Kursus" },
  });
  const storageKey = newStorageKey();
  await storeFile(storageKey, PDF);
  const attachment = await prisma.attachment.create({
    data: {
      applicationId: application.id,
      fileName: "plan.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.byteLength,
      sha256: createHash("sha256").update(PDF).digest("hex"),
      storageKey,
      uploadedById: user.id,
    },
  });
  return attachment.id;
}

describe("download over HTTP", () => {
  it("sends nosniff and no-store exactly once", async () => {
    const id = await storedAttachment();
    const response = await fetch(`${baseUrl}/attachments/${id}`, { headers: { Cookie: await cookieFor(demoEmail.applicant) } });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    // A header sent twice arrives joined: "nosniff, nosniff".
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
  });
});
