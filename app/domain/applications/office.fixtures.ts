// Test files: minimal but well-formed Office (OOXML) and OpenDocument
// packages — zips of stored entries with a central directory, laid out as the
// Office programs write them — for the attachment type checks.

const encoder = new TextEncoder();

function le(value: number, bytes: 2 | 4): number[] {
  return bytes === 2 ? [value & 0xff, (value >>> 8) & 0xff] : [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

export interface ZipOptions {
  /** Without it the zip ends after its last entry (as a truncated upload would). */
  centralDirectory?: boolean;
}

/** A zip of uncompressed entries (the checksum is left 0: nothing here reads it). */
export function zip(entries: readonly (readonly [name: string, content: string | Uint8Array])[], { centralDirectory = true }: ZipOptions = {}): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  for (const [name, content] of entries) {
    const nameBytes = encoder.encode(name);
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const offset = out.length;
    const common = [...le(20, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0x21, 2), ...le(0, 4), ...le(data.length, 4), ...le(data.length, 4), ...le(nameBytes.length, 2), ...le(0, 2)];
    out.push(0x50, 0x4b, 0x03, 0x04, ...common, ...nameBytes);
    for (const byte of data) out.push(byte);
    central.push(0x50, 0x4b, 0x01, 0x02, ...le(20, 2), ...common, ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4), ...le(offset, 4), ...nameBytes);
  }
  if (centralDirectory) {
    const offset = out.length;
    out.push(...central);
    out.push(0x50, 0x4b, 0x05, 0x06, ...le(0, 2), ...le(0, 2), ...le(entries.length, 2), ...le(entries.length, 2), ...le(central.length, 4), ...le(offset, 4), ...le(0, 2));
  }
  return new Uint8Array(out);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

export type OfficeType = "docx" | "xlsx" | "pptx";

const MAIN_PARTS: Record<OfficeType, [string, string][]> = {
  docx: [["word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>']],
  xlsx: [
    ["xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'],
    ["xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'],
  ],
  pptx: [["ppt/presentation.xml", '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>']],
};

/** A minimal Office document of the type: [Content_Types].xml, _rels/.rels and its main part. */
export function officeFile(type: OfficeType, options?: ZipOptions): Uint8Array {
  const main = MAIN_PARTS[type];
  return zip([["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", RELS(main[0]![0])], ...main], options);
}

/** An OpenDocument file: the uncompressed "mimetype" entry first, then the rest. */
export function openDocument(mime: string): Uint8Array {
  return zip([
    ["mimetype", mime],
    ["content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
    ["META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
  ]);
}
