import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  seriousViolations,
  signInAs,
} from "../e2e/support/browser";
import { startServer, type TestServer } from "../e2e/support/server";
import { makeBadge, makeMachine, makeStudent } from "../support/factories";

describe("student records in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext();
    await signInAs(context, server, "supervisor");
    makeStudent(server.db, {
      number: "S5001",
      firstName: "Maya",
      lastName: "Okafor",
    });
    makeStudent(server.db, { firstName: "Tom", lastName: "Baker" });
    makeBadge(server.db, {
      slug: "shop-safety",
      name: "Shop Safety",
      validityKind: "months",
      validityMonths: 12,
    });
    makeMachine(server.db, { code: "DRILL-01", requirement: "shop-safety" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("searches as you type and swaps only the results", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/students`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Search by name, number or email").fill("okaf");

    await expect
      .poll(() => page.locator("#student-results").textContent())
      .not.toContain("Baker");
    expect(await page.locator("#student-results").textContent()).toContain(
      "Okafor",
    );
    expect(await page.locator("h1").count()).toBe(1);
  });

  it("awards a badge, showing the default expiry, and clears the student", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/students/S5001`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator("table.clearance").textContent()).toContain(
      "Not cleared",
    );

    await page.getByRole("link", { name: "Award a badge" }).click();
    await page.getByLabel("Badge").selectOption({ label: "Shop Safety" });
    await page.getByLabel("Issued on").fill("2026-01-15");
    await page.getByLabel("Issued on").dispatchEvent("change");
    await expect
      .poll(() => page.locator("#expiry-default").textContent())
      .toContain("2027-01-15");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Award the badge" }).click();

    await expect
      .poll(() => page.locator("table.clearance").textContent())
      .toContain("Cleared");
    expect(await page.locator("table.clearance").textContent()).not.toContain(
      "Not cleared",
    );
  });

  it("places a hold from the form and lists it on the student page", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/students/S5001/holds/new`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Reason").fill("Safety review");
    await page.getByRole("button", { name: "Place the hold" }).click();

    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Maya Okafor");
    expect(await page.getByText("Every machine").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("filters the audit log in place", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/audit`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Action starts with").fill("hold.");
    await page.getByRole("button", { name: "Filter" }).click();

    await expect
      .poll(() => page.locator("#audit-results").textContent())
      .not.toContain("award.create");
    expect(await page.locator("#audit-results").textContent()).toContain(
      "hold.place",
    );
    expect(page.url()).toContain("action=hold.");
  });
});
