// The form kit rendered on the server, as a browser without JavaScript gets it:
// the error summary from the action's reply, the alert's roles, and the submit
// button's pending state while a submission is on its way.
import { parseWithZod } from "@conform-to/zod/v4";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, createRoutesStub, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Alert } from "./alert";
import { AppForm, SubmitButton, summaryItems, useAppForm } from "./form";
import { CheckboxGroupField, RadioGroupField, TextField } from "./forms";

const Schema = z.object({
  name: z.string({ error: "validation.required" }),
  email: z.email({ error: "validation.email" }),
  colour: z.enum(["red", "blue"], { error: "validation.choose" }),
  tags: z.array(z.string()).min(1, { error: "validation.choose" }),
});

/** The reply an action sends after a refused submit (the same call the routes make). */
function refusedReply(entries: [string, string][]) {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  const submission = parseWithZod(formData, { schema: Schema });
  expect(submission.status).toBe("error");
  return submission.reply();
}

function TestForm({ lastResult }: { lastResult?: ReturnType<typeof refusedReply> }) {
  const [form, fields] = useAppForm({ id: "kit", schema: Schema, lastResult });
  return (
    <AppForm form={form} method="post">
      <TextField field={fields.name} label="Navn" />
      <TextField field={fields.email} label="E-mail" type="email" />
      <RadioGroupField field={fields.colour} legend="Farve" options={[{ value: "red", label: "Rød" }, { value: "blue", label: "Blå" }]} />
      <CheckboxGroupField field={fields.tags} legend="Mærker" options={[{ value: "a", label: "A" }]} />
      <SubmitButton>Gem</SubmitButton>
    </AppForm>
  );
}

function renderForm(lastResult?: ReturnType<typeof refusedReply>): string {
  const Stub = createRoutesStub([{ id: "page", path: "/kit", Component: () => <TestForm lastResult={lastResult} />, action: () => null }]);
  return renderToString(<Stub initialEntries={["/kit"]} />);
}

describe("error summary", () => {
  it("is not there before a submit", () => {
    expect(renderForm()).not.toContain('data-testid="error-summary"');
  });

  it("lists every field in error at the top of the form, each a link to the field (server-rendered, so without JavaScript)", () => {
    const html = renderForm(refusedReply([["email", "ikke-en-adresse"]]));
    const summary = /<div[^>]*data-testid="error-summary"[^>]*>.*?<\/ul>/s.exec(html)?.[0] ?? "";
    expect(summary).toMatch(/class="alert alert-error/);
    expect(summary).toContain('role="alert"');
    expect(summary).toContain("Der er 4 problemer i formularen");
    expect(summary).toContain('<a href="#kit-name" class="function-link">Feltet skal udfyldes.</a>');
    expect(summary).toContain('<a href="#kit-email" class="function-link">Skriv en gyldig e-mailadresse, fx navn@aarhus.dk.</a>');
    expect(summary).toContain('href="#kit-colour"');
    expect(summary).toContain('href="#kit-tags"');
    // The summary comes first in the form, before any field.
    expect(html.indexOf('data-testid="error-summary"')).toBeLessThan(html.indexOf('name="name"'));
    // Every link has a target: the text inputs and the fieldsets of the groups.
    for (const id of ["kit-name", "kit-email", "kit-colour", "kit-tags"]) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<fieldset id="kit-colour" tabindex="-1"/);
  });

  it("shows one problem in the singular", () => {
    const html = renderForm(refusedReply([["name", "Anna"], ["email", "anna@aarhus.dk"], ["colour", "red"]]));
    expect(html).toContain("Der er et problem i formularen. Ret det, og prøv igen:");
    expect(html).toContain('<a href="#kit-tags"');
  });

  it("puts the form's own errors first, as text without a link", () => {
    expect(
      summaryItems("kit", { "": ["applications.error.hardRule"], "costLines[0].amount": ["validation.amount"], title: [] }),
    ).toEqual([
      { fieldId: null, message: "applications.error.hardRule" },
      { fieldId: "kit-costLines[0].amount", message: "validation.amount" },
    ]);
  });
});

describe("Alert", () => {
  it("renders DKFDS markup, with the role and heading the caller asks for", () => {
    const html = renderToString(
      <>
        <Alert variant="success" role="status">
          Gemt.
        </Alert>
        <Alert variant="warning" heading="Bemærk" headingLevel={2} testId="w">
          <p className="alert-text">Tekst</p>
        </Alert>
        <Alert variant="info">Info</Alert>
      </>,
    );
    expect(html).toContain('<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Gemt.</p></div></div>');
    expect(html).toContain('<div class="alert alert-warning" data-testid="w"><div class="alert-body"><h2 class="alert-heading">Bemærk</h2><p class="alert-text">Tekst</p></div></div>');
    // A box that is part of the page's content has no role.
    expect(html).toContain('<div class="alert alert-info"><div class="alert-body"><p class="alert-text">Info</p></div></div>');
  });
});

describe("SubmitButton", () => {
  it("is a plain submit button when nothing is being sent", () => {
    const html = renderForm();
    expect(html).toMatch(/<button type="submit" class="button button-primary">Gem<\/button>/);
  });

  it("says \"Gemmer…\" and is marked disabled while its form is on its way", async () => {
    let release: () => void = () => {};
    const router = createMemoryRouter(
      [{ path: "/kit", Component: () => <TestForm />, action: () => new Promise<null>((resolve) => (release = () => resolve(null))) }],
      { initialEntries: ["/kit"] },
    );
    const formData = new FormData();
    formData.set("name", "Anna");
    void router.navigate("/kit", { formMethod: "post", formData });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.state.navigation.state).toBe("submitting");
    const html = renderToString(<RouterProvider router={router} />);
    expect(html).toMatch(/<button type="submit" class="button button-primary" aria-disabled="true" data-pending="true">Gemmer…<\/button>/);
    release();
  });

  it("stays idle while another form on the page (another intent) is on its way", async () => {
    let release: () => void = () => {};
    function TwoButtons() {
      return (
        <>
          <SubmitButton intent="save">Gem</SubmitButton>
          <SubmitButton intent="adopt">Vedtag</SubmitButton>
        </>
      );
    }
    const router = createMemoryRouter(
      [{ path: "/kit", Component: TwoButtons, action: () => new Promise<null>((resolve) => (release = () => resolve(null))) }],
      { initialEntries: ["/kit"] },
    );
    const formData = new FormData();
    formData.set("intent", "adopt");
    void router.navigate("/kit", { formMethod: "post", formData });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const html = renderToString(<RouterProvider router={router} />);
    expect(html).toContain(">Gem</button>");
    expect(html).toContain(">Gemmer…</button>");
    expect(html).not.toContain(">Vedtag</button>");
    release();
  });
});
