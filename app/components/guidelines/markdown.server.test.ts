import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders headings, lists and emphasis", () => {
    expect(renderMarkdown("## Formål\n\n- Kurser\n- **Materialer**")).toBe("<h2>Formål</h2>\n<ul>\n<li>Kurser</li>\n<li><strong>Materialer</strong></li>\n</ul>\n");
  });

  it("shows raw HTML as text", () => {
    const html = renderMarkdown('<script>alert("x")</script>\n\n<iframe src="https://evil.example"></iframe> <b onclick="x()">fed</b>');
    expect(html).not.toMatch(/<(script|iframe|b)\b/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("makes no links of javascript:, vbscript:, data: or file: URLs, in any spelling", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "//evil.example/x"]) {
      const html = renderMarkdown(`[klik](${url}) ![billede](${url})`);
      expect(html, url).not.toContain("<a ");
      expect(html, url).not.toContain("<img");
    }
  });

  it("keeps web, mail and same-site links, and cuts window.opener for other sites", () => {
    expect(renderMarkdown("[Aarhus](https://aarhus.dk)")).toContain('<a href="https://aarhus.dk" rel="noopener noreferrer">Aarhus</a>');
    expect(renderMarkdown("[Skriv](mailto:puljen@aarhus.dk)")).toContain('<a href="mailto:puljen@aarhus.dk">Skriv</a>');
    expect(renderMarkdown("[Retningslinjer](/guidelines/1)")).toContain('<a href="/guidelines/1">Retningslinjer</a>');
    expect(renderMarkdown("[Afsnit](#formaal)")).toContain('<a href="#formaal">Afsnit</a>');
  });
});
