import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../support/app";
import { launchBrowser, seriousViolations } from "./support/browser";
import { startServer, type TestServer } from "./support/server";

describe("staff sign-in in a real browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs a supervisor in through the form, with no serious a11y issue", async () => {
    const user = await createUser(server.db, "supervisor");
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect.poll(() => page.locator("h1").textContent()).toBe("ShopPass");
    expect(await page.getByRole("button", { name: "Log out" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the message under the form for a wrong password", async () => {
    const user = await createUser(server.db, "staff");
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("do not match");
    expect(await page.getByLabel("Email").inputValue()).toBe(user.email);
  });
});
