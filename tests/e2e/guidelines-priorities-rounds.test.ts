// The yearly set-up of the pool, end to end: the secretariat drafts the next
// version of HMU's guidelines (rules and criteria) and records its adoption;
// leadership records a coming year's priorities with earmarks under it; the
// secretariat plans a spring and an autumn round in that year; an HMU observer
// sees all of it, and every attempt of theirs to change it is refused.
// Each test stands alone: what it builds on (the pool year, guidelines v2, the
// priorities, the rounds) is made through the UI first when the server's
// database does not have it yet (the ensure… helpers), so one test that fails
// or times out does not fail the ones after it.
import type { Locator, Page } from "playwright-core";
import { addDays, danishToday, zonedTimeToUtc } from "~/domain/dates";
import { roundStatus } from "~/domain/rounds";
import type { MessageKey } from "~/i18n";
import { toIsoDate } from "~/i18n/format";
import { allowConsoleErrors, da, DEMO, expect, login, test, type NewPage } from "./fixtures";

const TODAY = danishToday(new Date());
/** A coming year that no demo record touches (the demo's years end with next year): the tests create it. */
const YEAR = TODAY.getUTCFullYear() + 2;
/** The new year's default budget (6.000.000 kr.), no adjustments. */
const YEAR_TOTAL = "6.000.000,00 kr.";
/** Guidelines v1 of the demo data were adopted on 18.6.2026; a later adoption may not be dated before that. */
const V1_ADOPTED = new Date("2026-06-18T00:00:00Z");
const latest = (a: Date, b: Date) => (a > b ? a : b);
/** A date as the app shows it: 12.11.2026. */
const shownDate = (date: Date) => `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
const hmuMeeting = latest(addDays(TODAY, -21), V1_ADOPTED);
const HMU_MEETING = toIsoDate(hmuMeeting);
const HMU_MEETING_DA = shownDate(hmuMeeting);
const leadershipMeeting = latest(addDays(TODAY, -13), hmuMeeting);
const LEADERSHIP_MEETING = toIsoDate(leadershipMeeting);
const LEADERSHIP_MEETING_DA = shownDate(leadershipMeeting);
const ADDED_SECTION = `## Arbejdsmiljø\n\nFra ${YEAR} lægger puljen særlig vægt på aktiviteter, der styrker arbejdsmiljøet og trivslen.`;
const NEW_CRITERION = "Arbejdsmiljø og trivsel";

const SPRING = {
  name: `Forårsrunde ${YEAR}`,
  opensAt: `${YEAR}-03-01T12:00`,
  closesAt: `${YEAR}-04-01T12:00`,
  endorsementDeadline: `${YEAR}-04-15T12:00`,
  decisionDate: `${YEAR}-05-06`,
  budgetShare: "2.500.000",
  shown: { opensAt: `1.3.${YEAR} kl. 12.00`, closesAt: `1.4.${YEAR} kl. 12.00`, decisionDate: `6.5.${YEAR}`, share: "2.500.000,00 kr." },
};
const AUTUMN = {
  name: `Efterårsrunde ${YEAR}`,
  opensAt: `${YEAR}-09-01T12:00`,
  closesAt: `${YEAR}-10-01T12:00`,
  endorsementDeadline: `${YEAR}-10-15T12:00`,
  decisionDate: `${YEAR}-11-04`,
  budgetShare: "3.000.000",
  shown: { opensAt: `1.9.${YEAR} kl. 12.00`, closesAt: `1.10.${YEAR} kl. 12.00`, decisionDate: `4.11.${YEAR}`, share: "3.000.000,00 kr." },
};

/** The Danish status label the round shows today ("Planlagt" until it opens on 1 March of YEAR). */
function statusNow(round: typeof SPRING): string {
  const at = (local: string) => zonedTimeToUtc(local)!;
  const status = roundStatus(
    {
      opensAt: at(round.opensAt),
      closesAt: at(round.closesAt),
      endorsementDeadline: at(round.endorsementDeadline),
      decisionDate: new Date(`${round.decisionDate}T00:00:00Z`),
    },
    new Date(),
  );
  return da(`rounds.status.${status}`);
}

/** The visible text of the page's main content, for assertions that must wait for a render. */
function mainText(page: Page): Promise<string> {
  return page.locator("main").innerText();
}

/** The body row of a table whose row header is exactly `name`. */
function rowOf(table: Locator, name: string): Locator {
  return table.locator("tbody tr").filter({ has: table.page().getByRole("rowheader", { name, exact: true }) });
}

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.locator("th, td").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
}

/** Clicks a submit button and waits until the URL matches (the action redirected). */
async function submitAndWait(page: Page, button: Locator, url: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(url), button.click()]);
}

/** A text field marked optional: its label reads "<label> (valgfri)". */
function optionalTextbox(page: Page, label: MessageKey): Locator {
  return page.getByRole("textbox", { name: `${da(label)} ${da("common.optional")}`, exact: true });
}

const okParam = (value: string) => (url: URL) => url.searchParams.get("ok") === value;

/** A diff cell's text, with the labels screen readers get around inserted and deleted text. */
const added = (text: string) => `${da("guidelines.diff.sr.added")} ${text} ${da("guidelines.diff.sr.end")}`;
const removed = (text: string) => `${da("guidelines.diff.sr.removed")} ${text} ${da("guidelines.diff.sr.end")}`;

// ---------------------------------------------------------------------------
// What a test builds on, made through the UI when it is missing (each helper
// first looks, so after the test that does it for real it only reads a page).

const PRIORITIES_NOTE = `Arbejdsmiljøet og de digitale løsninger prioriteres højest i ${YEAR}.`;

/** YEAR's pool year, created by finance with the form's default budget when missing. */
async function ensurePoolYear(newPage: NewPage): Promise<void> {
  const page = await newPage();
  await login(page, DEMO.finance);
  allowConsoleErrors(page, /status of 404/);
  if ((await page.goto(`/pool-years/${YEAR}`))?.status() === 404) {
    await page.goto("/pool-years/new");
    await page.getByLabel(da("poolYears.field.year"), { exact: true }).fill(String(YEAR));
    await page.getByLabel(da("poolYears.field.startsOn"), { exact: true }).fill(`${YEAR}-01-01`);
    await submitAndWait(page, page.getByRole("button", { name: da("poolYears.new.submit"), exact: true }), (url) => url.pathname === `/pool-years/${YEAR}`);
  }
  await page.close();
}

/**
 * Guidelines v2 in force, adopted at HMU's meeting, with v1's nine rules and the
 * new criterion: drafted from v1 (or the draft completed) when it is not.
 */
async function ensureGuidelinesV2(newPage: NewPage): Promise<void> {
  const page = await newPage();
  await login(page, DEMO.secretariat);
  await page.goto("/guidelines");
  const inForce = await page.getByTestId("in-force").innerText();
  if (inForce.includes(da("guidelines.inForce", { version: 2, date: HMU_MEETING_DA }))) return page.close();

  allowConsoleErrors(page, /status of 404/);
  if ((await page.goto("/guidelines/2"))?.status() === 404) {
    await page.goto("/guidelines");
    await Promise.all([page.waitForURL((url) => url.pathname === "/guidelines/new"), page.getByRole("link", { name: da("guidelines.newDraft"), exact: true }).click()]);
    const body = optionalTextbox(page, "guidelines.field.body");
    await body.fill(`${await body.inputValue()}\n\n${ADDED_SECTION}`);
    await submitAndWait(page, page.getByRole("button", { name: da("guidelines.new.submit"), exact: true }), okParam("created"));
  }
  // A draft left half-way: put back a rule that was removed and not added again.
  for (const [kind, field, value] of [
    ["MAX_AMOUNT", "guidelines.field.maxAmount", "250.000"],
    ["MAX_ROUND_SHARE_PER_AREA", "guidelines.field.maxRoundShare", "50"],
  ] as const) {
    if ((await rowOf(page.getByTestId("rules"), da(`ruleKind.${kind}`)).count()) > 0) continue;
    await page.getByLabel(da("guidelines.addRule.kind"), { exact: true }).selectOption({ label: da(`ruleKind.${kind}`) });
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("ruleKind") === kind),
      page.getByRole("button", { name: da("guidelines.addRule.continue"), exact: true }).click(),
    ]);
    await page.getByLabel(da(field), { exact: true }).fill(value);
    if (kind === "MAX_ROUND_SHARE_PER_AREA") await page.getByLabel(da("guidelines.field.severitySOFT"), { exact: true }).check();
    await submitAndWait(page, page.getByRole("button", { name: da("guidelines.addRule.submit"), exact: true }), okParam("ruleAdded"));
  }
  if ((await rowOf(page.getByTestId("criteria"), NEW_CRITERION).count()) === 0) {
    await page.getByLabel(da("guidelines.field.criterionName"), { exact: true }).fill(NEW_CRITERION);
    await page.getByLabel(da("guidelines.field.weight"), { exact: true }).fill("10");
    await submitAndWait(page, page.getByRole("button", { name: da("guidelines.criterion.add"), exact: true }), okParam("criterionSaved"));
  }
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("adopt") === "confirm"),
    page.getByRole("button", { name: da("guidelines.adopt.start"), exact: true }).click(),
  ]);
  await page.getByLabel(da("guidelines.adopt.date"), { exact: true }).fill(HMU_MEETING);
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.adopt.confirm", { version: 2 }), exact: true }), okParam("adopted"));
  await page.close();
}

/** The final rows of YEAR's priorities: three focus areas, two with earmarks (1.200.000 kr. in all). */
async function fillPriorities(page: Page, firstEarmark: string): Promise<void> {
  await fillFocusRow(page, "Forebyggelse af vold og trusler", { rank: "1", weight: "1,5", kind: "AMOUNT", value: firstEarmark, hard: true });
  await fillFocusRow(page, "Nye digitale løsninger", { rank: "2", weight: "1,25", kind: "PERCENT", value: "10" });
  await fillFocusRow(page, "Samarbejde på tværs", { rank: "3", weight: "1", kind: "NONE" });
}

/** YEAR's priorities (revision 1 under guidelines v2), recorded by leadership when missing. */
async function ensurePriorities(newPage: NewPage): Promise<void> {
  await ensurePoolYear(newPage);
  await ensureGuidelinesV2(newPage);
  const page = await newPage();
  await login(page, DEMO.leadership);
  await page.goto(`/pool-years/${YEAR}/priorities`);
  if ((await page.getByTestId("empty").count()) > 0) {
    await page.goto(`/pool-years/${YEAR}/priorities/new`);
    await page.getByLabel(da("priorities.field.decidedOn"), { exact: true }).fill(LEADERSHIP_MEETING);
    await optionalTextbox(page, "priorities.field.note").fill(PRIORITIES_NOTE);
    await fillPriorities(page, "600.000");
    await page.getByRole("button", { name: da("priorities.submit"), exact: true }).click();
    await submitAndWait(page, page.getByRole("button", { name: da("priorities.confirm.submit"), exact: true }), okParam("recorded"));
  }
  await page.close();
}

/** YEAR's spring and autumn rounds, planned by the secretariat when missing. */
async function ensureRounds(newPage: NewPage): Promise<void> {
  await ensurePriorities(newPage);
  const page = await newPage();
  await login(page, DEMO.secretariat);
  for (const round of [SPRING, AUTUMN]) {
    await page.goto(`/pool-years/${YEAR}`);
    if ((await rowOf(page.getByTestId("rounds"), round.name).count()) === 0) await createRound(page, round);
  }
  await page.close();
}

test("the secretariat drafts guidelines v2 from v1 with changed rules and criteria and records HMU's adoption", async ({ page }) => {
  await login(page, DEMO.secretariat);
  await page.goto("/guidelines");
  await expect.poll(() => page.getByTestId("in-force").innerText()).toContain(da("guidelines.inForce", { version: 1, date: "18.6.2026" }));

  // New draft based on the version in force: its text, rules and criteria are copied.
  await Promise.all([page.waitForURL((url) => url.pathname === "/guidelines/new"), page.getByRole("link", { name: da("guidelines.newDraft"), exact: true }).click()]);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(da("guidelines.new.title", { version: 2 }));
  expect(await page.getByTestId("base-info").innerText()).toBe(da("guidelines.new.basedOnInfo", { version: 1, rules: 9, criteria: 5 }));
  const body = optionalTextbox(page, "guidelines.field.body");
  const v1Body = await body.inputValue();
  expect(v1Body).toContain("## Formål");
  await body.fill(`${v1Body}\n\n${ADDED_SECTION}`);
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.new.submit"), exact: true }), okParam("created"));
  expect(new URL(page.url()).pathname).toBe("/guidelines/2");
  await expect.poll(() => mainText(page)).toContain(da("guidelines.ok.created"));
  expect(await page.getByTestId("state").innerText()).toContain(da("guidelines.state.draft"));
  const rules = page.getByTestId("rules");
  expect(await rules.locator("tbody tr").count()).toBe(9);

  // A hard rule: remove the maximum amount and add it again (an invalid amount is caught next to the field first).
  const maxAmount = da("ruleKind.MAX_AMOUNT");
  await submitAndWait(page, page.getByRole("button", { name: `${da("guidelines.remove")} ${da("guidelines.removeRuleHidden", { kind: maxAmount })}`, exact: true }), okParam("ruleRemoved"));
  await expect.poll(() => mainText(page)).toContain(da("guidelines.ok.ruleRemoved"));
  expect(await rowOf(rules, maxAmount).count()).toBe(0);
  await page.getByLabel(da("guidelines.addRule.kind"), { exact: true }).selectOption({ label: maxAmount });
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("ruleKind") === "MAX_AMOUNT"),
    page.getByRole("button", { name: da("guidelines.addRule.continue"), exact: true }).click(),
  ]);
  const amountField = page.getByLabel(da("guidelines.field.maxAmount"), { exact: true });
  await amountField.fill("to hundrede tusind");
  await page.getByRole("button", { name: da("guidelines.addRule.submit"), exact: true }).click();
  await expect.poll(() => amountField.getAttribute("aria-invalid")).toBe("true");
  const amountError = page.locator(`[id="${await amountField.getAttribute("id")}-error"]`);
  expect(await amountError.innerText()).toContain(da("guidelines.error.maxAmount"));
  await amountField.fill("250.000");
  expect(await page.getByLabel(da("guidelines.field.severityHARD"), { exact: true }).isChecked()).toBe(true);
  await optionalTextbox(page, "guidelines.field.note").fill("Højst 250.000 kr. pr. ansøgning.");
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.addRule.submit"), exact: true }), okParam("ruleAdded"));
  await expect.poll(() => mainText(page)).toContain(da("guidelines.ok.ruleAdded"));
  expect(await cellTexts(rowOf(rules, maxAmount))).toEqual(
    expect.arrayContaining([maxAmount, "Højst 250.000,00 kr.", da("severity.HARD"), "Højst 250.000 kr. pr. ansøgning."]),
  );

  // A soft rule: the share of a round to one area becomes a target of 50 % (checked only when deciding).
  const roundShare = da("ruleKind.MAX_ROUND_SHARE_PER_AREA");
  await submitAndWait(page, page.getByRole("button", { name: `${da("guidelines.remove")} ${da("guidelines.removeRuleHidden", { kind: roundShare })}`, exact: true }), okParam("ruleRemoved"));
  await page.getByLabel(da("guidelines.addRule.kind"), { exact: true }).selectOption({ label: roundShare });
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("ruleKind") === "MAX_ROUND_SHARE_PER_AREA"),
    page.getByRole("button", { name: da("guidelines.addRule.continue"), exact: true }).click(),
  ]);
  await page.getByLabel(da("guidelines.field.maxRoundShare"), { exact: true }).fill("50");
  await page.getByLabel(da("guidelines.field.severitySOFT"), { exact: true }).check();
  await optionalTextbox(page, "guidelines.field.note").fill("Højst halvdelen af en runde bør gå til ét område.");
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.addRule.submit"), exact: true }), okParam("ruleAdded"));
  await expect.poll(() => cellTexts(rowOf(rules, roundShare))).toEqual(
    expect.arrayContaining(["Højst 50 % af rundens ramme til ét område", da("severity.SOFT")]),
  );
  expect(await rules.locator("tbody tr").count()).toBe(9);

  // Criteria: one weight changes, one criterion is added.
  const criteria = page.getByTestId("criteria");
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has("criterion")),
    page.getByRole("link", { name: `${da("common.edit")} ${da("guidelines.criterionHidden", { name: "Rækkevidde" })}`, exact: true }).click(),
  ]);
  const weight = page.getByLabel(da("guidelines.field.weight"), { exact: true });
  await expect.poll(() => weight.inputValue()).toBe("15");
  await weight.fill("10");
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.criterion.save"), exact: true }), okParam("criterionSaved"));
  await expect.poll(() => cellTexts(rowOf(criteria, "Rækkevidde"))).toContain("10");

  await page.getByLabel(da("guidelines.field.criterionName"), { exact: true }).fill(NEW_CRITERION);
  await optionalTextbox(page, "guidelines.field.description").fill("Styrker aktiviteten arbejdsmiljøet og trivslen på arbejdspladsen?");
  await page.getByLabel(da("guidelines.field.weight"), { exact: true }).fill("10");
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.criterion.add"), exact: true }), okParam("criterionSaved"));
  await expect.poll(() => cellTexts(rowOf(criteria, NEW_CRITERION))).toEqual(expect.arrayContaining([NEW_CRITERION, "10", "0–5"]));
  expect(await criteria.locator("tbody tr").count()).toBe(6);
  expect(await cellTexts(criteria.locator("tfoot tr"))).toContain("105");

  // HMU's adoption: a confirmation step; a meeting date in the future is refused next to the field.
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("adopt") === "confirm"),
    page.getByRole("button", { name: da("guidelines.adopt.start"), exact: true }).click(),
  ]);
  const confirm = page.getByTestId("adopt-confirm");
  await expect.poll(() => confirm.innerText()).toContain(da("guidelines.adopt.confirmSupersedes", { version: 1 }));
  const meetingDate = page.getByLabel(da("guidelines.adopt.date"), { exact: true });
  // The refused date answers 400, which Chromium logs as a console error: expected here.
  allowConsoleErrors(page, /status of 400/);
  await meetingDate.fill("2099-01-01");
  await page.getByRole("button", { name: da("guidelines.adopt.confirm", { version: 2 }), exact: true }).click();
  await expect.poll(() => meetingDate.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator(`[id="${await meetingDate.getAttribute("id")}-error"]`).innerText()).toContain(da("guidelines.error.adoptedOnFuture"));
  expect(await page.getByTestId("state").innerText()).toContain(da("guidelines.state.draft"));

  await meetingDate.fill(HMU_MEETING);
  await submitAndWait(page, page.getByRole("button", { name: da("guidelines.adopt.confirm", { version: 2 }), exact: true }), okParam("adopted"));
  await expect.poll(() => mainText(page)).toContain(da("guidelines.ok.adopted", { version: 2 }));
  expect(await page.getByTestId("state").innerText()).toContain(da("guidelines.state.adopted", { date: HMU_MEETING_DA }));
  // Adopted: no more forms on the page.
  expect(await page.getByRole("button", { name: `${da("guidelines.remove")} ${da("guidelines.removeRuleHidden", { kind: maxAmount })}`, exact: true }).count()).toBe(0);
  expect(await page.getByRole("heading", { name: da("guidelines.addRule.title"), exact: true }).count()).toBe(0);

  // The list: version 2 in force, version 1 superseded.
  await page.goto("/guidelines");
  expect(await page.getByTestId("in-force").innerText()).toContain(da("guidelines.inForce", { version: 2, date: HMU_MEETING_DA }));
  const versions = page.getByTestId("guideline-versions").locator("tbody tr");
  expect(await versions.count()).toBe(2);
  expect(await cellTexts(versions.nth(0))).toEqual(expect.arrayContaining(["2", da("guidelines.status.ADOPTED"), HMU_MEETING_DA, da("guidelines.versionLabel", { version: 1 })]));
  expect(await cellTexts(versions.nth(1))).toEqual(expect.arrayContaining(["1", da("guidelines.status.SUPERSEDED"), "18.6.2026"]));

  await page.goto("/guidelines/1");
  const state = page.getByTestId("state");
  expect(await state.innerText()).toContain(da("guidelines.state.superseded"));
  expect(await state.getByRole("link").innerText()).toBe(da("guidelines.state.seeInForce", { version: 2 }));

  // What changed from v1 to v2.
  await page.goto("/guidelines/2");
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/guidelines/2/diff"),
    page.getByRole("link", { name: da("guidelines.compareWith", { version: 1 }), exact: true }).click(),
  ]);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(da("guidelines.diff.title", { version: 2, against: 1 }));
  expect(await page.getByTestId("diff-unchanged").count()).toBe(0);
  expect(await page.getByTestId("body-diff").locator("ins").innerText()).toContain(`Fra ${YEAR} lægger puljen særlig vægt på aktiviteter`);

  const ruleChanges = page.getByTestId("rule-changes");
  // The maximum amount was added again unchanged, so only the round share differs.
  expect(await rowOf(ruleChanges, maxAmount).count()).toBe(0);
  const shareRows = rowOf(ruleChanges, roundShare);
  const shareChanges = await Promise.all((await shareRows.all()).map(cellTexts));
  expect(shareChanges).toEqual(
    expect.arrayContaining([
      [roundShare, da("guidelines.diff.field.severity"), removed(da("severity.HARD")), added(da("severity.SOFT"))],
      [roundShare, da("guidelines.diff.field.params"), removed("Højst 40 % af rundens ramme til ét område"), added("Højst 50 % af rundens ramme til ét område")],
    ]),
  );

  const criterionChanges = page.getByTestId("criterion-changes");
  expect(await cellTexts(rowOf(criterionChanges, "Rækkevidde"))).toEqual(["Rækkevidde", da("guidelines.diff.field.weight"), removed("15"), added("10")]);
  expect((await cellTexts(rowOf(criterionChanges, NEW_CRITERION))).slice(0, 3)).toEqual([NEW_CRITERION, da("guidelines.diff.added"), "—"]);
}, 60_000); // the longest flow of the suite (and it may pay for the file's server start)

/** The prioritisation form's fieldset for one focus area. */
function focusRow(page: Page, name: string): Locator {
  return page.getByRole("group", { name, exact: true });
}

async function fillFocusRow(
  page: Page,
  name: string,
  row: { rank: string; weight: string; kind: "NONE" | "AMOUNT" | "PERCENT"; value?: string; hard?: boolean },
): Promise<void> {
  const group = focusRow(page, name);
  await group.getByLabel(da("priorities.field.include"), { exact: true }).check();
  await group.getByLabel(da("priorities.field.rank"), { exact: true }).fill(row.rank);
  await group.getByLabel(da("priorities.field.weight"), { exact: true }).fill(row.weight);
  await group.getByLabel(da("priorities.field.earmarkKind"), { exact: true }).selectOption(row.kind);
  await group.getByLabel(da("priorities.field.earmarkValue"), { exact: true }).fill(row.value ?? "");
  await group.getByLabel(da("priorities.field.earmarkStrength"), { exact: true }).selectOption(row.hard ? "hard" : "soft");
}

test("leadership records the coming year's priorities with earmarks under version 2; earmarks over the budget are refused", async ({ page, newPage }) => {
  await ensurePoolYear(newPage);
  await ensureGuidelinesV2(newPage);
  await login(page, DEMO.leadership);
  await page.goto(`/pool-years/${YEAR}/priorities`);
  await expect.poll(() => page.getByTestId("empty").innerText()).toBe(da("priorities.empty", { year: YEAR }));
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/pool-years/${YEAR}/priorities/new`),
    page.getByTestId("record-link").click(),
  ]);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(da("priorities.new.title", { year: YEAR }));

  await page.getByLabel(da("priorities.field.decidedOn"), { exact: true }).fill(LEADERSHIP_MEETING);
  // Only adopted guidelines can be chosen: version 2 (version 1 is superseded).
  const guideline = page.getByLabel(da("priorities.field.guideline"), { exact: true });
  const options = (await guideline.locator("option").allInnerTexts()).map((text) => text.trim());
  expect(options).toEqual([
    da("priorities.field.guidelineOption", { version: 2, title: "Retningslinjer for den tværgående kompetencepulje", date: HMU_MEETING_DA }),
  ]);
  await optionalTextbox(page, "priorities.field.note").fill(PRIORITIES_NOTE);

  // First too much: 7.000.000 kr. plus 10 % of 6.000.000 kr. is more than the year's budget.
  await fillPriorities(page, "7.000.000");
  await expect
    .poll(() => page.getByTestId("form-summary").innerText())
    .toContain(`Øremærket: 7.600.000,00 kr. af årets ramme på ${YEAR_TOTAL}`);

  // The refusal answers 400, which Chromium logs as a console error: expected here.
  allowConsoleErrors(page, /status of 400/);
  await page.getByRole("button", { name: da("priorities.submit"), exact: true }).click();
  const earmarksError = page.locator("#earmarks-error");
  await expect.poll(() => earmarksError.count()).toBe(1);
  expect(await earmarksError.innerText()).toContain(da("priorities.error.earmarksOverBudget", { earmarked: "7.600.000,00 kr.", budget: YEAR_TOTAL }));
  // The error sits next to the running total of the earmarks, and nothing was recorded.
  expect(await earmarksError.locator("xpath=..").getByTestId("form-summary").count()).toBe(1);
  expect(new URL(page.url()).pathname).toBe(`/pool-years/${YEAR}/priorities/new`);

  await focusRow(page, "Forebyggelse af vold og trusler").getByLabel(da("priorities.field.earmarkValue"), { exact: true }).fill("600.000");
  await expect.poll(() => page.getByTestId("form-summary").innerText()).toContain("Øremærket: 1.200.000,00 kr.");
  // The first submit shows what will be recorded; only its confirmation records it.
  await page.getByRole("button", { name: da("priorities.submit"), exact: true }).click();
  await expect.poll(() => page.getByTestId("prioritisation-confirm").count()).toBe(1);
  await submitAndWait(page, page.getByRole("button", { name: da("priorities.confirm.submit"), exact: true }), okParam("recorded"));
  expect(new URL(page.url()).pathname).toBe(`/pool-years/${YEAR}/priorities`);
  await expect.poll(() => mainText(page)).toContain(da("priorities.ok.recorded"));

  await expectPriorities(page);
  // Leadership may revise (as a new revision), but nothing edits the recorded one in place.
  expect(await page.getByTestId("record-link").innerText()).toBe(da("priorities.revise"));
}, 60_000); // when run alone it first makes guidelines v2 through the UI

/** The recorded priorities of YEAR as every role sees them. */
async function expectPriorities(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole("heading", { name: da("priorities.current", { revision: 1 }), exact: true }).count()).toBe(1);
  const current = await page.getByTestId("current").innerText();
  expect(current).toContain(LEADERSHIP_MEETING_DA);
  expect(current).toContain(da("priorities.guidelineLink", { version: 2, title: "Retningslinjer for den tværgående kompetencepulje" }));

  const table = page.getByTestId("prioritised-focus-areas");
  expect(await table.locator("tbody tr").count()).toBe(3);
  const rows = await Promise.all((await table.locator("tbody tr").all()).map(cellTexts));
  expect(rows).toEqual([
    ["1", "Forebyggelse af vold og trusler", "1,5", `600.000,00 kr. ${da("priorities.strength.hard")}`, "10 %"],
    ["2", "Nye digitale løsninger", "1,25", `10 % af rammen = 600.000,00 kr. ${da("priorities.strength.soft")}`, "10 %"],
    ["3", "Samarbejde på tværs", "1", da("priorities.earmark.none"), ""],
  ]);
  expect(await page.getByTestId("year-total").innerText()).toBe(YEAR_TOTAL);
  expect(await page.getByTestId("earmarked").innerText()).toBe("1.200.000,00 kr. (20 %)");
  expect(await page.getByTestId("not-earmarked").innerText()).toBe("4.800.000,00 kr.");
  const history = page.getByTestId("history").locator(":scope > li");
  expect(await history.count()).toBe(1);
  expect(await history.first().innerText()).toContain(da("priorities.history.first"));
}

async function createRound(page: Page, round: typeof SPRING): Promise<string> {
  await page.goto(`/pool-years/${YEAR}`);
  await Promise.all([page.waitForURL((url) => url.pathname === `/pool-years/${YEAR}/rounds/new`), page.getByTestId("create-round").click()]);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(da("rounds.new.title", { year: YEAR }));
  await page.getByLabel(da("rounds.field.name"), { exact: true }).fill(round.name);
  await page.getByLabel(da("rounds.field.opensAt"), { exact: true }).fill(round.opensAt);
  await page.getByLabel(da("rounds.field.closesAt"), { exact: true }).fill(round.closesAt);
  await page.getByLabel(da("rounds.field.endorsementDeadline"), { exact: true }).fill(round.endorsementDeadline);
  await page.getByLabel(da("rounds.field.decisionDate"), { exact: true }).fill(round.decisionDate);
  await page.getByLabel(da("rounds.field.budgetShare"), { exact: true }).fill(round.budgetShare);
  await submitAndWait(page, page.getByRole("button", { name: da("rounds.new.submit"), exact: true }), okParam("created"));
  await expect.poll(() => mainText(page)).toContain(da("rounds.ok.created"));
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(round.name);
  expect(await page.getByTestId("round-status").innerText()).toBe(statusNow(round));
  expect(await page.getByTestId("opens-at").innerText()).toBe(round.shown.opensAt);
  expect(await page.getByTestId("budget-share").innerText()).toBe(round.shown.share);
  return new URL(page.url()).pathname;
}

test("the secretariat plans a spring and an autumn round in the coming year within the year's budget", async ({ page, newPage }) => {
  await ensurePriorities(newPage);
  await login(page, DEMO.secretariat);
  await page.goto(`/pool-years/${YEAR}`);
  await expect.poll(() => page.getByTestId("rounds-empty").innerText()).toBe(da("rounds.empty"));

  await createRound(page, SPRING);

  // The autumn round first asks for more than is left of the year's budget: refused next to the field.
  await page.goto(`/pool-years/${YEAR}`);
  await Promise.all([page.waitForURL((url) => url.pathname === `/pool-years/${YEAR}/rounds/new`), page.getByTestId("create-round").click()]);
  const share = page.getByLabel(da("rounds.field.budgetShare"), { exact: true });
  // The share proposed is what is left of the budget.
  await expect.poll(() => share.inputValue()).toBe("3.500.000,00");
  await page.getByLabel(da("rounds.field.name"), { exact: true }).fill(AUTUMN.name);
  await page.getByLabel(da("rounds.field.opensAt"), { exact: true }).fill(AUTUMN.opensAt);
  await page.getByLabel(da("rounds.field.closesAt"), { exact: true }).fill(AUTUMN.closesAt);
  await page.getByLabel(da("rounds.field.endorsementDeadline"), { exact: true }).fill(AUTUMN.endorsementDeadline);
  await page.getByLabel(da("rounds.field.decisionDate"), { exact: true }).fill(AUTUMN.decisionDate);
  await share.fill("4.000.000");
  allowConsoleErrors(page, /status of 400/);
  await page.getByRole("button", { name: da("rounds.new.submit"), exact: true }).click();
  await expect.poll(() => share.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator(`[id="${await share.getAttribute("id")}-error"]`).innerText()).toContain(
    da("rounds.error.overBudget", { available: "3.500.000,00 kr." }),
  );
  expect(new URL(page.url()).pathname).toBe(`/pool-years/${YEAR}/rounds/new`);

  await createRound(page, AUTUMN);

  // The pool year lists both rounds with their status (planned until spring), in Danish time and formats, within the budget.
  await page.goto(`/pool-years/${YEAR}`);
  const rounds = page.getByTestId("rounds");
  await expect.poll(() => rounds.locator("tbody tr").count()).toBe(2);
  for (const round of [SPRING, AUTUMN]) {
    const cells = await cellTexts(rowOf(rounds, round.name));
    expect(cells).toEqual([
      round.name,
      round.shown.opensAt,
      round.shown.closesAt,
      expect.stringMatching(/ kl\. 12\.00$/),
      round.shown.decisionDate,
      round.shown.share,
      statusNow(round),
    ]);
  }
  expect(await page.getByTestId("rounds-shares").innerText()).toBe("5.500.000,00 kr.");
  expect(await page.getByTestId("rounds-summary").innerText()).toContain(
    da("rounds.sharesSummary", { shares: "5.500.000,00 kr.", total: YEAR_TOTAL, remaining: "500.000,00 kr." }),
  );
  expect(await page.getByTestId("year-priorities").innerText()).toContain(
    da.plural("priorities.yearSection.summary", 3, { revision: 1, date: LEADERSHIP_MEETING_DA }),
  );
}, 60_000); // when run alone it first makes guidelines v2 and the priorities

/** A form post from the HMU observer's session, as a browser on this site would send it. */
function postAs(page: Page, path: string, form: Record<string, string>) {
  return page.request.post(path, { form, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
}

test("an HMU observer sees the guidelines, priorities and rounds, and every change attempt is refused", async ({ page, newPage }) => {
  await ensureRounds(newPage);
  await login(page, DEMO.hmu);

  // Guidelines: version 2 in force with its rules and criteria, nothing to edit.
  await page.goto("/guidelines");
  await expect.poll(() => page.getByTestId("in-force").innerText()).toContain(da("guidelines.inForce", { version: 2, date: HMU_MEETING_DA }));
  expect(await page.getByTestId("guideline-versions").locator("tbody tr").count()).toBe(2);
  expect(await page.getByRole("link", { name: da("guidelines.newDraft"), exact: true }).count()).toBe(0);
  await page.goto("/guidelines/2");
  expect(await page.getByTestId("state").innerText()).toContain(da("guidelines.state.adopted", { date: HMU_MEETING_DA }));
  expect(await page.getByTestId("rules").locator("tbody tr").count()).toBe(9);
  expect(await cellTexts(rowOf(page.getByTestId("criteria"), NEW_CRITERION))).toContain("10");
  expect(await page.getByRole("link", { name: da("guidelines.createFrom"), exact: true }).count()).toBe(0);
  expect(await page.locator("main form[method='post' i]").count()).toBe(0);
  expect(await page.getByRole("link", { name: da("guidelines.compareWith", { version: 1 }), exact: true }).count()).toBe(1);

  // The priorities, read-only.
  await page.goto(`/pool-years/${YEAR}/priorities`);
  await expectPriorities(page);
  expect(await page.getByTestId("record-link").count()).toBe(0);

  // The rounds, read-only.
  await page.goto(`/pool-years/${YEAR}`);
  const rounds = page.getByTestId("rounds");
  await expect.poll(() => rounds.locator("tbody tr").count()).toBe(2);
  for (const round of [SPRING, AUTUMN]) {
    expect(await cellTexts(rowOf(rounds, round.name))).toEqual(expect.arrayContaining([round.shown.opensAt, round.shown.share, statusNow(round)]));
  }
  expect(await page.getByTestId("create-round").count()).toBe(0);
  await Promise.all([page.waitForURL((url) => url.pathname.startsWith("/rounds/")), page.getByRole("link", { name: SPRING.name, exact: true }).click()]);
  const springPath = new URL(page.url()).pathname;
  await expect.poll(() => page.getByTestId("budget-share").innerText()).toBe(SPRING.shown.share);
  expect(await page.getByRole("heading", { name: da("rounds.edit.title"), exact: true }).count()).toBe(0);
  expect(await page.locator("main form[method='post' i]").count()).toBe(0);

  // The forms themselves: 403 with the Danish error page (Chromium logs the 403s as console errors).
  allowConsoleErrors(page, /status of 403/);
  for (const path of ["/guidelines/new", `/pool-years/${YEAR}/priorities/new`, `/pool-years/${YEAR}/rounds/new`, "/focus-areas/unknown"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    const errorPage = page.locator('[data-status="403"]');
    await expect.poll(() => errorPage.getByRole("alert").innerText()).toBe(da("error.403"));
  }

  // Posting to the actions directly with the HMU session: refused, by the permission check (not the origin check).
  const attempts: { path: string; form: Record<string, string> }[] = [
    { path: "/guidelines/new", form: { title: "Udkast fra HMU", body: "", basedOn: "2" } },
    { path: "/guidelines/2", form: { intent: "update", title: "Ændret af HMU", body: "" } },
    { path: "/guidelines/1", form: { intent: "adopt", adoptedOn: HMU_MEETING, confirmed: "yes" } },
    {
      path: `/pool-years/${YEAR}/priorities/new`,
      form: {
        decidedOn: LEADERSHIP_MEETING,
        guidelineVersionId: "x",
        note: "HMU",
        basedOnRevision: "1",
        "rows[0].focusAreaId": "x",
        "rows[0].include": "on",
        "rows[0].rank": "1",
        "rows[0].weight": "1",
      },
    },
    {
      path: `/pool-years/${YEAR}/rounds/new`,
      form: {
        name: `HMU-runde ${YEAR}`,
        opensAt: `${YEAR}-06-01T12:00`,
        closesAt: `${YEAR}-06-15T12:00`,
        endorsementDeadline: `${YEAR}-06-20T12:00`,
        decisionDate: `${YEAR}-06-30`,
        budgetShare: "100.000",
      },
    },
    {
      path: springPath,
      form: {
        name: `${SPRING.name} (ændret af HMU)`,
        opensAt: SPRING.opensAt,
        closesAt: SPRING.closesAt,
        endorsementDeadline: SPRING.endorsementDeadline,
        decisionDate: SPRING.decisionDate,
        budgetShare: "6.000.000",
      },
    },
    { path: "/focus-areas", form: { name: "HMU's fokusområde", description: "" } },
  ];
  for (const { path, form } of attempts) {
    const response = await postAs(page, path, form);
    expect(response.status(), `POST ${path}`).toBe(403);
    const text = await response.text();
    expect(text, `POST ${path}`).toContain(da("error.403"));
    expect(text, `POST ${path}`).not.toContain("et andet websted");
  }

  // Nothing changed.
  await page.goto("/guidelines");
  await expect.poll(() => page.getByTestId("guideline-versions").locator("tbody tr").count()).toBe(2);
  expect(await page.getByTestId("in-force").innerText()).toContain(da("guidelines.inForce", { version: 2, date: HMU_MEETING_DA }));
  await page.goto("/guidelines/2");
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Retningslinjer for den tværgående kompetencepulje");
  await page.goto(`/pool-years/${YEAR}/priorities`);
  await expectPriorities(page);
  await page.goto(`/pool-years/${YEAR}`);
  expect(await page.getByTestId("rounds").locator("tbody tr").count()).toBe(2);
  expect(await page.getByTestId("rounds-shares").innerText()).toBe("5.500.000,00 kr.");
  expect(await mainText(page)).not.toContain("HMU-runde");
  await page.goto(springPath);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(SPRING.name);
  expect(await page.getByTestId("budget-share").innerText()).toBe(SPRING.shown.share);
  await page.goto("/focus-areas");
  expect(await mainText(page)).not.toContain("HMU's fokusområde");
}, 90_000); // when run alone it first makes guidelines v2, the priorities and the rounds
