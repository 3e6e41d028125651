// File storage for attachments: on disk under $DATA_DIR/attachments (outside
// the public folder), addressed by a random key. Files are never served
// directly: a route checks permission and streams them.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "./db.server";

export function attachmentsDir(): string {
  return path.resolve(process.env.ATTACHMENTS_DIR ?? path.join(dataDir(), "attachments"));
}

export function newStorageKey(): string {
  return randomBytes(24).toString("hex");
}

function pathFor(key: string): string {
  if (!/^[a-f0-9]{48}$/.test(key)) throw new Error("Invalid storage key");
  return path.join(attachmentsDir(), key.slice(0, 2), key);
}

/** Writes the bytes atomically (temp file + rename). */
export async function storeFile(key: string, bytes: Uint8Array): Promise<void> {
  const target = pathFor(key);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, bytes, { flag: "wx" });
  await rename(temp, target);
}

export async function readStoredFile(key: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(pathFor(key)));
}
