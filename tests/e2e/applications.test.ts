// An application from draft to the secretariat's list, in a round opened for
// the test: the applicant drafts, saves, comes back, adds cost lines and a PDF,
// sees the screening verdicts and submits; the area lead endorses; the
// secretariat finds it by filtering the round list; a user from another unit
// gets 404 on the application and on its attachment. Once with JavaScript
// (live amounts and live screening) and once without.
import type { Locator, Page } from "playwright-core";
import { DANISH_TIME_ZONE } from "~/domain/dates";
import { isolateText } from "~/domain/text";
import { formatMoney, formatPercent } from "~/i18n";
import { DEMO_AREAS } from "../../prisma/seed-data";
import { allowConsoleErrors, da, DEMO, expect, login, test, waitForHydration, type NewPage } from "./fixtures";

const FLOW_TIMEOUT_MS = 180_000;
/** Live screening waits 600 ms after the last keystroke, then asks the server. */
const POLL_TIMEOUT_MS = 10_000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The round's share of the pool year's budget (kroner, as typed). */
const ROUND_SHARE_KRONER = 10_000;

// The application's economy: 18.000 + 6.690 = 24.690 kr. in costs, 12.345 kr.
// own co-financing (50 %), so 12.345,00 kr. is requested.
const COURSE_FEE = { typed: "18.000", ore: 1_800_000n };
const TRANSPORT = { typed: "6.690", ore: 669_000n };
const TOO_LITTLE_CO_FINANCING = { typed: "1.000", ore: 100_000n };
const CO_FINANCING = { typed: "12.345", ore: 1_234_500n };
const TOTAL_ORE = COURSE_FEE.ore + TRANSPORT.ore;
const REQUESTED_ORE = TOTAL_ORE - CO_FINANCING.ore;

const PARTNER_AREA = DEMO_AREAS.find((area) => area.code === "VJH")!.name;

/** A small, valid one-page PDF. */
const PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n"),
);

/** expect.poll with room for a server round-trip (Vitest's default waits 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: POLL_TIMEOUT_MS });

// ---------------------------------------------------------------------------
// Dates in Danish time

const parts = (date: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: DANISH_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute", string>;

/** "2026-11-27T09:30": Danish wall-clock time as <input type="datetime-local"> takes it. */
function dateTimeInput(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "2026-12-15": the Danish calendar day. */
function dateInput(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "12.345,00 kr." → 1234500n. */
function oreOf(text: string): bigint {
  const match = /^(-?)([\d.]+),(\d{2}) kr\.$/.exec(text.trim());
  if (!match) throw new Error(`Not a Danish amount: "${text}"`);
  const ore = BigInt(match[2]!.replaceAll(".", "") + match[3]);
  return match[1] ? -ore : ore;
}

/** "12,5" → 12.5 (a Danish decimal number). */
const danishNumber = (text: string) => Number(text.replaceAll(".", "").replace(",", "."));

// ---------------------------------------------------------------------------
// The round: opened by the secretariat for this file

interface TestRound {
  id: string;
  name: string;
  /** The round's decision date: the activity may start from that day. */
  decisionDate: Date;
}

let sharedRound: TestRound | null = null;

/**
 * The round's pool year exists and has priorities (the form offers their focus
 * areas). The demo data has them for 2026; a round decided in a later year (from
 * mid-December on) needs them set up first, as finance and leadership would.
 */
async function ensureYearReady(newPage: NewPage, year: number): Promise<void> {
  const finance = await newPage();
  await login(finance, DEMO.finance);
  allowConsoleErrors(finance, /status of 404/);
  if ((await finance.goto(`/pool-years/${year}`))?.status() === 404) {
    await finance.goto("/pool-years/new");
    await finance.getByLabel(da("poolYears.field.year"), { exact: true }).fill(String(year));
    await finance.getByLabel(da("poolYears.field.startsOn"), { exact: true }).fill(`${year}-01-01`);
    await Promise.all([
      finance.waitForURL((url) => url.pathname === `/pool-years/${year}`),
      finance.getByRole("button", { name: da("poolYears.new.submit"), exact: true }).click(),
    ]);
  }
  await finance.close();

  const leadership = await newPage();
  await login(leadership, DEMO.leadership);
  await leadership.goto(`/pool-years/${year}/priorities`);
  if ((await leadership.getByTestId("empty").count()) > 0) {
    await leadership.goto(`/pool-years/${year}/priorities/new`);
    // Today's meeting under the adopted guidelines (the form's defaults); one focus area.
    const row = leadership.getByRole("group", { name: "Forebyggelse af vold og trusler", exact: true });
    await row.getByLabel(da("priorities.field.include"), { exact: true }).check();
    await row.getByLabel(da("priorities.field.rank"), { exact: true }).fill("1");
    await row.getByLabel(da("priorities.field.weight"), { exact: true }).fill("1");
    await leadership.getByRole("button", { name: da("priorities.submit"), exact: true }).click();
    await Promise.all([
      leadership.waitForURL((url) => url.searchParams.get("ok") === "recorded"),
      leadership.getByRole("button", { name: da("priorities.confirm.submit"), exact: true }).click(),
    ]);
  }
  await leadership.close();
}

/**
 * A round that opened a few hours ago, created through the secretariat's form
 * (once per file) in the pool year of its decision date. If too little is left
 * of that year's budget (the demo year's is fully shared between its rounds),
 * finance first records a supplementary appropriation (tillægsbevilling) of the
 * round's share.
 */
async function openRound(newPage: NewPage): Promise<TestRound> {
  if (sharedRound) return sharedRound;
  const now = new Date();
  const name = `Testrunde ${now.getTime().toString(36)}`;
  const opensAt = new Date(now.getTime() - 3 * HOUR_MS);
  const closesAt = new Date(now.getTime() + 14 * DAY_MS);
  const endorsementDeadline = new Date(now.getTime() + 17 * DAY_MS);
  const decisionDate = new Date(now.getTime() + 18 * DAY_MS);
  const year = Number(parts(decisionDate).year);
  await ensureYearReady(newPage, year);

  const page = await newPage();
  await login(page, DEMO.secretariat);
  const form = await page.goto(`/pool-years/${year}/rounds/new`);
  expect(form?.status(), `pool year ${year} must exist for the test round`).toBe(200);
  const share = page.getByLabel(da("rounds.field.budgetShare"), { exact: true });
  // The form suggests what is left of the year's budget.
  const remaining = danishNumber(await share.inputValue());
  if (remaining < ROUND_SHARE_KRONER) {
    const finance = await newPage();
    await login(finance, DEMO.finance);
    await finance.goto(`/pool-years/${year}`);
    await finance.getByLabel(da("poolYears.field.kindAddition"), { exact: true }).check();
    await finance.getByLabel(da("poolYears.field.amount"), { exact: true }).fill(String(ROUND_SHARE_KRONER));
    await finance.getByLabel(da("poolYears.field.reason"), { exact: true }).fill(`Ramme til ${name} (browsertest af ansøgninger).`);
    await finance.getByRole("button", { name: da("poolYears.adjust.submit"), exact: true }).click();
    await Promise.all([
      finance.waitForURL((url) => url.searchParams.get("ok") === "adjusted"),
      finance.getByRole("button", { name: da("poolYears.confirm.submit"), exact: true }).click(),
    ]);
    await finance.close();
    await page.reload();
  }

  await page.getByLabel(da("rounds.field.name"), { exact: true }).fill(name);
  await page.getByLabel(da("rounds.field.opensAt"), { exact: true }).fill(dateTimeInput(opensAt));
  await page.getByLabel(da("rounds.field.closesAt"), { exact: true }).fill(dateTimeInput(closesAt));
  await page.getByLabel(da("rounds.field.endorsementDeadline"), { exact: true }).fill(dateTimeInput(endorsementDeadline));
  await page.getByLabel(da("rounds.field.decisionDate"), { exact: true }).fill(dateInput(decisionDate));
  await share.fill(String(ROUND_SHARE_KRONER));
  await Promise.all([
    page.waitForURL((url) => /^\/rounds\/[^/]+$/.test(url.pathname)),
    page.getByRole("button", { name: da("rounds.new.submit"), exact: true }).click(),
  ]);
  const id = new URL(page.url()).pathname.split("/")[2]!;
  await page.close();
  sharedRound = { id, name, decisionDate: new Date(`${dateInput(decisionDate)}T00:00:00Z`) };
  return sharedRound;
}

// ---------------------------------------------------------------------------
// Steps of the flow

const field = (page: Page, key: Parameters<typeof da>[0]) => page.getByLabel(da(key), { exact: true });
const costLine = (page: Page, number: number) => page.getByRole("group", { name: da("applications.costLines.legend", { number }), exact: true });
const requestedAmount = (page: Page) => page.getByTestId("amount-requested");
const coFinancingVerdict = (page: Page) => page.locator('[data-testid="verdict"][data-kind="MIN_COFINANCING_SHARE"]');

/** Clicks a button that submits a form and waits for the URL the server sends the browser to. */
async function submitTo(page: Page, button: Locator, url: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(url), button.click()]);
}

/** The applicant starts a draft in the round; returns its id and reference. */
async function startDraft(page: Page, round: TestRound): Promise<{ id: string; reference: string }> {
  await page.goto("/applications");
  await page.getByRole("link", { name: da("appList.create"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/applications/new");
  await field(page, "applications.field.round").selectOption(round.id);
  await submitTo(page, page.getByRole("button", { name: da("applications.new.create"), exact: true }), (url) =>
    /^\/applications\/[^/]+\/edit$/.test(url.pathname),
  );
  await poll(() => page.getByText(da("applications.ok.created")).count()).toBe(1);
  const id = new URL(page.url()).pathname.split("/")[2]!;
  const heading = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const [before, after] = da("applications.edit.title", { reference: "§" }).split("§");
  const reference = heading.startsWith(before!) && heading.endsWith(after!) ? heading.slice(before!.length, heading.length - after!.length) : undefined;
  expect(reference, heading).toBeTruthy();
  return { id, reference: reference! };
}

/** Saves the draft with "Gem kladde" and waits for the confirmation. */
async function saveDraft(page: Page): Promise<void> {
  await submitTo(page, page.getByTestId("save"), (url) => url.searchParams.get("ok") === "saved");
  await poll(() => page.getByText(da("applications.ok.saved")).count()).toBe(1);
}

/** Leaves the draft, and comes back to it through "Mine ansøgninger" and the detail page. */
async function comeBack(page: Page, draft: { id: string; reference: string }, title: string): Promise<void> {
  await page.goto("/applications");
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/applications/${draft.id}`),
    page.getByRole("link", { name: draft.reference, exact: true }).click(),
  ]);
  await poll(() => page.getByTestId("application-title").innerText()).toBe(title);
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/applications/${draft.id}/edit`),
    page.getByTestId("edit-link").click(),
  ]);
  await poll(() => field(page, "applications.field.title").inputValue()).toBe(title);
}

/** Everything but the economy, filled so that the (demo) rules are met. */
async function fillActivity(page: Page, round: TestRound): Promise<void> {
  await field(page, "applications.field.purpose").fill("Medarbejderne skal kunne forebygge og håndtere konflikter med borgere.");
  // The year's prioritised focus areas as the form offers them: the first one, also as primary.
  await page.getByTestId("focus-areas").getByRole("checkbox").first().check();
  await page.getByTestId("primary-focus-area").getByRole("radio").first().check();
  await page.getByTestId("partner-areas").getByLabel(PARTNER_AREA, { exact: true }).check();
  await field(page, "applications.field.targetGroup").fill("Socialrådgivere og pædagoger i familieindsatserne.");
  await field(page, "applications.field.participants").fill("12");
  await field(page, "applications.field.activityType").selectOption("COURSE");
  // From the round's decision date: the activity starts after the decision, inside the pool year.
  await field(page, "applications.field.startDate").fill(dateInput(round.decisionDate));
  await field(page, "applications.field.endDate").fill(dateInput(new Date(round.decisionDate.getTime() + 5 * DAY_MS)));
  await field(page, "applications.field.expectedEffect").fill("Færre episoder med vold og trusler, og medarbejderne føler sig tryggere.");
  await field(page, "applications.field.followUpPlan").fill("Vi følger op på registrerede episoder efter tre og seks måneder.");
}

async function fillCostLine(page: Page, number: number, line: { category: string; description: string; amount: string }): Promise<void> {
  const group = costLine(page, number);
  await group.getByLabel(da("applications.field.category"), { exact: true }).selectOption(line.category);
  await group.getByLabel(da("applications.field.description"), { exact: true }).fill(line.description);
  await group.getByLabel(da("applications.field.amountKroner"), { exact: true }).fill(line.amount);
}

const verdictText = async (page: Page) => (await coFinancingVerdict(page).locator("td").last().innerText()).trim();

/** The co-financing verdict fails, quoting the share and the (higher) requirement. */
async function expectCoFinancingFails(page: Page, shareBasisPoints: number): Promise<void> {
  const [before] = da("screening.coFinancing.fail", { share: formatPercent(shareBasisPoints), min: "§" }).split("§");
  // Live verdicts arrive a moment after typing: wait for the one about these numbers.
  await poll(() => verdictText(page)).toContain(before!);
  expect(await coFinancingVerdict(page).getAttribute("data-outcome")).toBe("fail");
  const text = await verdictText(page);
  expect(text.startsWith(before!), text).toBe(true);
  const min = /([\d.,]+) %\.$/.exec(text)?.[1];
  expect(min, text).toBeTruthy();
  expect(danishNumber(min!) * 100).toBeGreaterThan(shareBasisPoints);
  expect(danishNumber(min!) * 100).toBeLessThanOrEqual(5000);
}

/** The co-financing verdict passes, quoting the share. */
async function expectCoFinancingPasses(page: Page, shareBasisPoints: number): Promise<void> {
  const [before] = da("screening.coFinancing.pass", { share: formatPercent(shareBasisPoints), min: "§" }).split("§");
  await poll(() => verdictText(page)).toContain(before!);
  expect(await coFinancingVerdict(page).getAttribute("data-outcome")).toBe("pass");
}

/** Writes a justification when the rules in force give warnings (the demo data's do not). */
async function justifyWarnings(page: Page): Promise<void> {
  if ((await page.getByTestId("screening-summary").getAttribute("data-result")) === "warnings") {
    await page.getByLabel(da("applications.field.softRuleJustification")).fill("Aktiviteten er vigtig for området.");
  }
}

/** Uploads the PDF with the attachments panel and returns its download address. */
async function uploadPdf(page: Page, fileName: string): Promise<string> {
  await page.getByLabel(da("attachments.file"), { exact: true }).setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: PDF });
  await submitTo(page, page.getByRole("button", { name: da("attachments.upload"), exact: true }), (url) =>
    url.searchParams.get("attachmentOk") === "added",
  );
  // The file name is isolated in the sentence (people's text cannot reorder the text around it).
  await poll(() => page.getByText(da("attachments.added", { fileName: isolateText(fileName) })).count()).toBe(1);
  const href = await page.getByTestId("attachments").getByRole("link", { name: fileName, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/attachments\/[^/]+$/);
  return href!;
}

/** Submits from the edit page; the detail page confirms it and shows the amounts. */
async function submitApplication(page: Page, id: string): Promise<void> {
  await justifyWarnings(page);
  await submitTo(page, page.getByTestId("submit"), (url) => url.pathname === `/applications/${id}` && url.searchParams.get("ok") === "submitted");
  await poll(() => page.getByText(da("applications.ok.submitted")).count()).toBe(1);
  expect(await page.getByTestId("application-status").getAttribute("data-status")).toBe("SUBMITTED");
  expect(await requestedAmount(page).innerText()).toBe(formatMoney(REQUESTED_ORE));
}

/** The applicant's own download: the PDF as an attachment. */
async function expectOwnDownload(page: Page, href: string): Promise<void> {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);
}

/** The area lead opens the application from the area's list and endorses it. */
async function endorse(page: Page, application: { id: string; reference: string }): Promise<void> {
  await login(page, DEMO.areaLeadBUU);
  await page.goto("/applications");
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/applications/${application.id}`),
    page.getByRole("link", { name: application.reference, exact: true }).click(),
  ]);
  expect(await requestedAmount(page).innerText()).toBe(formatMoney(REQUESTED_ORE));
  const form = page.getByTestId("endorse-form");
  await form.getByLabel(da("applications.endorse.comment")).fill("Vigtig for området.");
  await submitTo(page, form.getByRole("button", { name: da("applications.action.endorse"), exact: true }), (url) =>
    url.searchParams.get("ok") === "endorsed",
  );
  await poll(() => page.getByText(da("applications.ok.endorsed")).count()).toBe(1);
  expect(await page.getByTestId("application-status").getAttribute("data-status")).toBe("ENDORSED");
  expect(await page.getByTestId("endorsed").innerText()).toContain("Mette Kjær");
}

/** The requested amounts of the list's rows, keyed by reference. */
async function listRows(page: Page): Promise<Map<string, bigint>> {
  const rows = page.getByTestId("applications").locator("tbody tr");
  const out = new Map<string, bigint>();
  for (const row of await rows.all()) {
    out.set((await row.locator("th").innerText()).trim(), oreOf(await row.locator("td.kp-num").first().innerText()));
  }
  return out;
}

/** The secretariat filters all applications by the round, then by the reference too. */
async function findInRoundList(page: Page, round: TestRound, reference: string): Promise<void> {
  await login(page, DEMO.secretariat);
  await page.goto("/applications?view=all");
  const filter = page.getByRole("search", { name: da("appList.filter.title") });
  await filter.getByLabel(da("appList.filter.round"), { exact: true }).selectOption({ label: round.name });
  await submitTo(page, filter.getByRole("button", { name: da("appList.filter.submit"), exact: true }), (url) =>
    url.searchParams.get("round") === round.id,
  );
  const rows = await listRows(page);
  expect(rows.get(reference)).toBe(REQUESTED_ORE);
  // The total under the filter is the sum of its rows.
  const sum = [...rows.values()].reduce((a, b) => a + b, 0n);
  const summary = page.getByTestId("list-summary");
  expect(await summary.innerText()).toContain(da("appList.totalRequested", { amount: formatMoney(sum) }));

  await filter.getByLabel(da("appList.filter.q"), { exact: true }).fill(reference);
  await submitTo(page, filter.getByRole("button", { name: da("appList.filter.submit"), exact: true }), (url) =>
    url.searchParams.get("q") === reference && url.searchParams.get("round") === round.id,
  );
  expect([...(await listRows(page)).entries()]).toEqual([[reference, REQUESTED_ORE]]);
  expect(await summary.innerText()).toBe(`${da("appList.countOne")} · ${da("appList.totalRequested", { amount: formatMoney(REQUESTED_ORE) })}`);
  const row = page.getByTestId("applications").locator("tbody tr").first();
  expect(await row.locator("td").nth(2).innerText()).toBe(round.name);
  expect(await row.locator("td").nth(3).innerText()).toBe(da("appList.status.ENDORSED"));
}

// ---------------------------------------------------------------------------

test(
  "with JavaScript: draft, save, come back, live amounts and screening, PDF, submit, endorse, find by filter; 404 for another unit",
  async ({ newPage }) => {
    const round = await openRound(newPage);
    const page = await newPage();
    await login(page, DEMO.applicant);

    // Draft, save, come back.
    const draft = await startDraft(page, round);
    const title = `Konflikthåndtering ${draft.reference}`;
    await field(page, "applications.field.title").fill(title);
    await saveDraft(page);
    await comeBack(page, draft, title);
    await waitForHydration(page);

    // The rest of the form, then the economy: the amounts follow what is typed.
    await fillActivity(page, round);
    await fillCostLine(page, 1, { category: "COURSE_FEE", description: "Kursusafgift", amount: COURSE_FEE.typed });
    await poll(() => requestedAmount(page).innerText()).toBe(formatMoney(COURSE_FEE.ore));
    expect(formatMoney(COURSE_FEE.ore)).toBe("18.000,00 kr.");
    await page.getByTestId("add-cost-line").click();
    await fillCostLine(page, 2, { category: "TRANSPORT", description: "Transport til kursusstedet", amount: TRANSPORT.typed });
    await poll(() => page.getByTestId("amount-total").innerText()).toBe(formatMoney(TOTAL_ORE));
    await poll(() => requestedAmount(page).innerText()).toBe(formatMoney(TOTAL_ORE));

    // Live screening of what is typed: no co-financing, then too little, then enough.
    await poll(() => page.getByTestId("screening-basis").innerText()).toBe(da("applications.screening.liveBasis"));
    await expectCoFinancingFails(page, 0);
    await field(page, "applications.field.coFinancing").fill(TOO_LITTLE_CO_FINANCING.typed);
    await poll(() => requestedAmount(page).innerText()).toBe(formatMoney(TOTAL_ORE - TOO_LITTLE_CO_FINANCING.ore));
    await expectCoFinancingFails(page, Number((TOO_LITTLE_CO_FINANCING.ore * 10_000n) / TOTAL_ORE));
    await field(page, "applications.field.coFinancing").fill(CO_FINANCING.typed);
    await poll(() => requestedAmount(page).innerText()).toBe("12.345,00 kr.");
    expect(formatMoney(REQUESTED_ORE)).toBe("12.345,00 kr.");
    await expectCoFinancingPasses(page, 5000);

    // Save (the attachments panel asks for it), add the PDF, submit.
    await saveDraft(page);
    expect(await requestedAmount(page).innerText()).toBe(formatMoney(REQUESTED_ORE));
    expect(await page.getByTestId("screening-basis").innerText()).toBe(da("applications.screening.savedBasis"));
    await expectCoFinancingPasses(page, 5000);
    const attachment = await uploadPdf(page, "kursusplan.pdf");
    await submitApplication(page, draft.id);
    await expectOwnDownload(page, attachment);

    // The area lead endorses; the secretariat finds it in the round's list.
    await endorse(await newPage(), draft);
    await findInRoundList(await newPage(), round, draft.reference);

    // A user from another unit: 404 on the application's page and on its attachment.
    const other = await newPage();
    await login(other, DEMO.otherAreaApplicant);
    allowConsoleErrors(other, /status of 404 \(Not Found\)/);
    for (const path of [`/applications/${draft.id}`, `/applications/${draft.id}/edit`]) {
      const response = await other.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(await other.getByRole("heading", { level: 1 }).innerText()).toBe(da("error.heading.404.application"));
      expect(await other.getByRole("alert").innerText()).toContain(da("error.404.application"));
      expect(await other.getByText(title).count()).toBe(0);
    }
    const download = await other.request.get(attachment);
    expect(download.status()).toBe(404);
    expect(download.headers()["content-disposition"]).toBeUndefined();
    // A refused download is a Danish page, not raw JSON.
    expect(download.headers()["content-type"]).toBe("text/html; charset=utf-8");
    expect(await download.text()).toContain(da("error.heading.404.attachment"));
  },
  FLOW_TIMEOUT_MS,
);

test(
  "without JavaScript: draft, save, come back, add a cost line, PDF, screening after saving, submit, endorse, find by filter",
  async ({ newPage }) => {
    const round = await openRound(newPage);
    const noJs = { javaScriptEnabled: false };
    const page = await newPage(noJs);
    await login(page, DEMO.applicant);

    const draft = await startDraft(page, round);
    const title = `Konflikthåndtering uden JavaScript ${draft.reference}`;
    await field(page, "applications.field.title").fill(title);
    await saveDraft(page);
    await comeBack(page, draft, title);

    // A second cost line: the server answers the button with the form as typed plus a line.
    await fillActivity(page, round);
    await fillCostLine(page, 1, { category: "COURSE_FEE", description: "Kursusafgift", amount: COURSE_FEE.typed });
    await page.getByTestId("add-cost-line").click();
    await costLine(page, 2).waitFor();
    expect(await field(page, "applications.field.title").inputValue()).toBe(title);
    expect(await costLine(page, 1).getByLabel(da("applications.field.amountKroner"), { exact: true }).inputValue()).toBe(COURSE_FEE.typed);
    expect(await requestedAmount(page).innerText()).toBe(formatMoney(COURSE_FEE.ore));
    await fillCostLine(page, 2, { category: "TRANSPORT", description: "Transport til kursusstedet", amount: TRANSPORT.typed });

    // Too little co-financing: the verdict comes with the saved draft.
    await field(page, "applications.field.coFinancing").fill(TOO_LITTLE_CO_FINANCING.typed);
    await saveDraft(page);
    expect(await page.getByTestId("amount-total").innerText()).toBe(formatMoney(TOTAL_ORE));
    expect(await requestedAmount(page).innerText()).toBe(formatMoney(TOTAL_ORE - TOO_LITTLE_CO_FINANCING.ore));
    expect(await page.getByTestId("screening-basis").innerText()).toBe(da("applications.screening.savedBasis"));
    await expectCoFinancingFails(page, Number((TOO_LITTLE_CO_FINANCING.ore * 10_000n) / TOTAL_ORE));
    expect(await page.getByTestId("screening-summary").getAttribute("data-result")).toBe("blocked");

    await field(page, "applications.field.coFinancing").fill(CO_FINANCING.typed);
    await saveDraft(page);
    expect(await requestedAmount(page).innerText()).toBe("12.345,00 kr.");
    await expectCoFinancingPasses(page, 5000);

    const attachment = await uploadPdf(page, "kursusplan-uden-js.pdf");
    await submitApplication(page, draft.id);
    await expectOwnDownload(page, attachment);

    await endorse(await newPage(noJs), draft);
    await findInRoundList(await newPage(noJs), round, draft.reference);
  },
  FLOW_TIMEOUT_MS,
);
