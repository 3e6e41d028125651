// Each role sees exactly its own main-menu items (derived from NAV_ITEMS and the
// permission policy) and its role name under "Dine roller".
import { da, demoUserPerRole, expect, expectedNavLabels, login, mainNav, test } from "./fixtures";

const users = demoUserPerRole();

test("the demo data has a user for every role", () => {
  expect(users.map((u) => u.role).sort()).toEqual(
    ["ADMIN", "APPLICANT", "AREA_LEAD", "FINANCE", "HMU", "LEADERSHIP", "SECRETARIAT"].sort(),
  );
});

test.for(users)("$role ($email) sees exactly the role's menu and role name", async ({ role, email, name }, { page }) => {
  await login(page, email);
  expect(new URL(page.url()).pathname).toBe("/");

  const nav = mainNav(page);
  await expect.poll(() => nav.count()).toBe(1);
  const labels = (await nav.getByRole("link").allInnerTexts()).map((text) => text.trim());
  expect(labels).toEqual(expectedNavLabels([role]));

  await expect.poll(() => page.getByTestId("current-user").innerText()).toContain(name);
  const roles = page.getByRole("heading", { name: da("home.yourRoles"), exact: true }).locator("xpath=following-sibling::ul[1]");
  expect((await roles.getByRole("listitem").allInnerTexts()).map((text) => text.trim())).toContain(da(`role.${role}`));
});
