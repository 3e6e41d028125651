// Error pages: a Danish heading per status, a route's own texts where it has
// them, and a refused download answers with a page, not raw JSON.
import { renderToString } from "react-dom/server";
import { createRoutesStub, UNSAFE_ErrorResponseImpl as ErrorResponse } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { ErrorBoundary as ApplicationErrorBoundary } from "~/routes/applications/application";
import { errorPageResponse, withErrorPage } from "~/utils/error-page.server";
import { GeneralErrorBoundary } from "./error-boundary";

function renderError(status: number, Boundary = GeneralErrorBoundary): string {
  const Stub = createRoutesStub([{ id: "page", path: "/x", Component: () => null, ErrorBoundary: Boundary }]);
  return renderToString(<Stub initialEntries={["/x"]} hydrationData={{ errors: { page: new ErrorResponse(status, "", null) } }} />);
}

describe("error pages", () => {
  it.each([
    [404, "Siden findes ikke"],
    [403, "Ingen adgang"],
    [400, "Forespørgslen kunne ikke behandles"],
    [413, "For meget på én gang"],
    [429, "For mange forsøg"],
    [500, "Der opstod en fejl"],
    [418, "Der opstod en fejl"], // unknown statuses read as an unexpected error
  ])("heads a %i with “%s”", (status, heading) => {
    // An unexpected error is logged for the operators (and only that).
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const html = renderError(status);
    expect(logged).toHaveBeenCalledTimes(status >= 500 ? 1 : 0);
    logged.mockRestore();
    expect(html).toContain(`>${heading}</h1>`);
    expect(html).toContain('href="/"');
  });

  it("offers the login page on a 401", () => {
    expect(renderError(401)).toContain('href="/login"');
  });

  it("says on an application's pages that the application does not exist", () => {
    const html = renderError(404, ApplicationErrorBoundary);
    expect(html).toContain(">Ansøgningen findes ikke</h1>");
    expect(html).toContain("En kladde kan kun ses af den enhed");
  });
});

describe("refused downloads", () => {
  it("answer a thrown 404 with a Danish HTML page", async () => {
    const response = await withErrorPage("da", () => {
      throw new Response(JSON.stringify({ message: "not found" }), { status: 404 });
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>Siden findes ikke</h1>");
    expect(html).not.toContain("not found");
  });

  it("answer what the permission checks throw (notFound, forbidden) with the page too", async () => {
    const { notFound, forbidden } = await import("~/utils/permissions.server");
    const missing = await withErrorPage("da", async () => notFound());
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const refused = await withErrorPage("da", async () => forbidden());
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("<h1>Ingen adgang</h1>");
  });

  it("let redirects to the login page through", async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: "/login" } });
    await expect(withErrorPage("da", () => Promise.reject(redirect))).rejects.toBe(redirect);
  });

  it("escape what they show", async () => {
    const html = await errorPageResponse(403, "en").text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>No access</h1>");
  });
});
