// Reading a form body (multipart or urlencoded) in an action without trusting
// it: a body that is not form data answers 400 and one over the size cap 413,
// instead of an uncaught TypeError (500) or an unbounded read into memory.
import { data } from "react-router";

/** The cap for ordinary forms (no files): far above any form of the app. */
export const MAX_FORM_BYTES = 1024 * 1024; // 1 MB
/** A refused body is read and thrown away up to this size (so the browser gets the answer); beyond, the connection is cut. */
const DISCARD_LIMIT_BYTES = 200 * 1024 * 1024;

export type CappedForm = { ok: true; formData: FormData } | { ok: false; reason: "tooLarge" | "badRequest" };

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let total = alreadyRead;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > DISCARD_LIMIT_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // the client went away: nothing to do
  }
}

/**
 * Parses a form body (multipart or urlencoded), refusing anything larger than
 * `limit`: first by its declared Content-Length, then by counting the bytes as
 * they arrive. At most `limit` bytes are ever held in memory. Never throws:
 * for routes that answer a refusal themselves (e.g. the upload's redirect).
 */
export async function readCappedFormData(request: Request, limit: number): Promise<CappedForm> {
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  const body = request.body;
  if (!body) return { ok: true, formData: new FormData() };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    // already read or locked
    return { ok: false, reason: "badRequest" };
  }
  if (Number.isFinite(declared) && declared > limit) {
    void discard(reader, 0);
    return { ok: false, reason: "tooLarge" };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      return { ok: false, reason: "badRequest" };
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > limit) {
      void discard(reader, total);
      return { ok: false, reason: "tooLarge" };
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  chunks.length = 0;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (total === 0 && !contentType) return { ok: true, formData: new FormData() };
  try {
    const formData = await new Request(request.url, { method: "POST", headers: { "Content-Type": contentType }, body: bytes }).formData();
    return { ok: true, formData };
  } catch {
    return { ok: false, reason: "badRequest" };
  }
}

/**
 * The request's form data for an action. Throws a 400 response (the error page)
 * when the body is not form data, and 413 when it is larger than `maxBytes`.
 */
export async function readForm(request: Request, { maxBytes = MAX_FORM_BYTES }: { maxBytes?: number } = {}): Promise<FormData> {
  const form = await readCappedFormData(request, maxBytes);
  if (form.ok) return form.formData;
  if (form.reason === "tooLarge") throw data({ message: "payload too large" }, { status: 413 });
  throw data({ message: "bad request" }, { status: 400 });
}
