// The panel renders the outcome the upload route puts in the URL as a Danish
// message next to the file field, lists files with Danish sizes and download
// links, and shows forms only to those who may edit.
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENTS_PER_APPLICATION } from "~/domain/applications/attachments";
import { createTranslator } from "~/i18n";
import { ATTACHMENT_ERROR_CODES, attachmentErrorText, formatFileSize } from "./attachment-messages";
import { AttachmentsPanel, type AttachmentsPanelProps } from "./attachments-panel";

const files: AttachmentsPanelProps["attachments"] = [
  { id: "a1", fileName: "Projektplan.pdf", sizeBytes: 1_258_291, mimeType: "application/pdf", createdAt: new Date("2026-11-26T13:05:00Z") },
  { id: "a2", fileName: "logo.png", sizeBytes: 850, mimeType: "image/png", createdAt: new Date("2026-11-26T13:06:00Z") },
];

function render(url: string, props: Partial<AttachmentsPanelProps> = {}): string {
  const Stub = createRoutesStub([
    {
      id: "page",
      path: "/applications/:applicationId/edit",
      Component: () => <AttachmentsPanel applicationId="app1" attachments={files} canEdit {...props} />,
    },
    {
      id: "detail",
      path: "/applications/:applicationId",
      Component: () => <AttachmentsPanel applicationId="app1" attachments={files} canEdit={false} {...props} />,
    },
  ]);
  return renderToString(<Stub initialEntries={[url]} />);
}

/** Text with HTML entities decoded (renderToString escapes quotes), as read: without the invisible isolates around names. */
function text(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/<!-- -->/g, "").replace(/[\u2068\u2069]/g, "");
}

describe("file sizes", () => {
  it("are Danish", () => {
    expect(formatFileSize(850)).toBe("850 B");
    expect(formatFileSize(12 * 1024)).toBe("12 KB");
    expect(formatFileSize(1_258_291)).toBe("1,2 MB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatFileSize(1_258_291, "en")).toBe("1.2 MB");
  });
});

describe("AttachmentsPanel", () => {
  it("lists files as download links with size and type, and offers upload and remove forms to editors", () => {
    const html = text(render("/applications/app1/edit"));
    expect(html).toContain('id="bilag"');
    expect(html).toContain('<a href="/attachments/a1"><bdi dir="auto">Projektplan.pdf</bdi></a>');
    expect(html).toContain("1,2 MB");
    expect(html).toContain("850 B");
    expect(html).toContain(">PDF<");
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
    expect(html).toContain('action="/applications/app1/attachments"');
    expect(html).toMatch(/<input[^>]*type="file"[^>]*name="file"/);
    expect(html).toContain('<label class="form-label" for="attachment-file">Vælg en fil</label>');
    expect(html).toContain("Tilladte filtyper: PDF, DOCX");
    expect(html).toContain("Højst 10 MB");
    expect(html).toContain('name="intent" value="remove"');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*required=""[^>]*name="confirm" value="yes"/);
    expect(html).toContain("Ja, fjern bilaget Projektplan.pdf");
  });

  it("shows readers the list only", () => {
    const html = text(render("/applications/app1"));
    expect(html).toContain("Projektplan.pdf");
    expect(html).not.toContain("multipart/form-data");
    expect(html).not.toContain('name="confirm"');
  });

  it("says so when there are none", () => {
    expect(render("/applications/app1/edit", { attachments: [] })).toContain("Der er ingen bilag.");
  });

  const expected: Record<string, string> = {
    "attachmentError=contentMismatch&ext=pdf&name=faktura.pdf": "Bilaget faktura.pdf blev ikke tilføjet. Filen er ikke en gyldig PDF-fil: indholdet passer ikke til filnavnet.",
    "attachmentError=empty&name=tom.pdf": "Filen er tom.",
    "attachmentError=tooLarge": "Filen er for stor. Højst 10 MB.",
    "attachmentError=unsupportedType&name=program.exe": "Filtypen kan ikke bruges. Tilladte filtyper: PDF, DOCX, XLSX, PPTX, DOC, XLS, PPT, ODT, ODS, PNG, JPG, JPEG.",
    "attachmentError=tooMany": `Der kan højst være ${MAX_ATTACHMENTS_PER_APPLICATION} bilag pr. ansøgning.`,
    "attachmentError=missing": "Vælg en fil.",
  };
  for (const [query, message] of Object.entries(expected)) {
    it(`puts the message for ${query} next to the file field`, () => {
      const html = text(render(`/applications/app1/edit?${query}`));
      const error = /<span class="form-error-message" id="attachment-file-error"[^>]*>(.*?)<\/span><input/.exec(html)?.[1] ?? "";
      expect(error.replace(/<[^>]+>/g, "")).toContain(message);
      expect(html).toContain('class="form-group form-error"');
      expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="attachment-file-hint attachment-file-error"/);
    });
  }

  it("shows a refusal on a submitted application as an alert on the detail page", () => {
    const html = text(render("/applications/app1?attachmentError=notEditable&name=plan.pdf"));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Bilag kan kun ændres, mens ansøgningen er en kladde eller er sendt tilbage til ændringer.");
  });

  it("asks for the confirmation tick in an alert above the list", () => {
    const html = text(render("/applications/app1/edit?attachmentError=confirmRemove"));
    expect(html).toContain('Sæt flueben ved "Ja, fjern bilaget" for at fjerne det.');
    expect(html).not.toContain('id="attachment-file-error"');
  });

  it("confirms additions and removals", () => {
    expect(text(render("/applications/app1/edit?attachmentOk=added&name=plan.pdf"))).toContain("Bilaget plan.pdf er tilføjet.");
    expect(text(render("/applications/app1/edit?attachmentOk=removed"))).toContain("Bilaget er fjernet.");
  });

  it("isolates file names, so that their direction cannot reorder the page around them", () => {
    const html = render("/applications/app1/edit?attachmentOk=added&name=x%E2%80%AEgnp.pdf", {
      attachments: [{ ...files[0]!, fileName: "x\u202Egnp.pdf" }],
    });
    expect(html).toContain("Bilaget \u2068xgnp.pdf\u2069 er tilføjet.");
    expect(html).toContain('<bdi dir="auto">xgnp.pdf</bdi>');
    expect(html).not.toContain("\u202E");
  });

  it("ignores unknown codes", () => {
    const html = render("/applications/app1/edit?attachmentError=%3Cscript%3E");
    expect(html).not.toContain("form-error-message");
    expect(html).not.toContain("<script>");
  });

  it("has a Danish and an English text for every error code", () => {
    for (const code of ATTACHMENT_ERROR_CODES) {
      expect(attachmentErrorText(createTranslator("da"), "da", code, "pdf")).not.toMatch(/attachments\.error|\{/);
      expect(attachmentErrorText(createTranslator("en"), "en", code, "pdf")).not.toMatch(/attachments\.error|\{/);
    }
  });
});
