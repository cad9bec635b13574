import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machines } from "../../src/db/schema";
import {
  launchBrowser,
  seriousViolations,
  signInAs,
} from "../e2e/support/browser";
import { startServer, type TestServer } from "../e2e/support/server";
import { makeBadge, makeMachine } from "../support/factories";

describe("machine admin pages in a real browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    makeBadge(server.db, { slug: "shop-safety", name: "Shop Safety" });
    makeBadge(server.db, {
      slug: "lathe-advanced-skills",
      name: "Lathe Advanced Skills",
      track: "lathe",
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function adminPage(): Promise<Page> {
    const context = await browser.newContext();
    await signInAs(context, server, "admin");
    return context.newPage();
  }

  it("checks the requirement as it is typed and saves the machine", async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/machines/new`);
    expect(await seriousViolations(page)).toEqual([]);
    const check = page.locator("#requirement-check");

    await page.getByLabel("Code").fill("LATHE-09");
    await page.getByLabel("Name", { exact: true }).fill("Test lathe");
    await page.getByLabel("Area").fill("Machine Shop");
    await page.getByLabel("Requirement").fill("shop-safety & ");
    await expect
      .poll(() => check.textContent())
      .toContain("Expected a badge name at position 14");
    await page.getByLabel("Requirement").fill("shop-safety & nope");
    await expect
      .poll(() => check.textContent())
      .toContain('Unknown badge "nope"');
    await page
      .getByLabel("Requirement")
      .fill("shop-safety & lathe-advanced-skills");
    await expect
      .poll(() => check.textContent())
      .toContain("Shop Safety and Lathe Advanced Skills");
    await page.getByRole("button", { name: "Create machine" }).click();

    await expect
      .poll(() => page.locator("h1").textContent())
      .toContain("LATHE-09");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("keeps the typed values and shows the message after a refused save", async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/machines/new`);

    await page.getByLabel("Code").fill("MILL-09");
    await page.getByLabel("Name", { exact: true }).fill("Test mill");
    await page.getByLabel("Area").fill("Machine Shop");
    await page.getByLabel("Requirement").fill("shop-safety | nope");
    await page.getByRole("button", { name: "Create machine" }).click();

    await expect
      .poll(() => page.locator("#f-requirement-error").textContent())
      .toContain('Unknown badge "nope"');
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(
      "Test mill",
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("switches a machine out of service through htmx, reason required", async () => {
    makeMachine(server.db, { code: "MIG-09", area: "Welding Bay" });
    const page = await adminPage();
    await page.goto(`${server.url}/machines/MIG-09`);
    expect(await seriousViolations(page)).toEqual([]);
    const reason = page.getByLabel("Reason for taking it out of service");

    await reason.evaluate((el) => el.removeAttribute("required"));
    await page.getByRole("button", { name: "Take out of service" }).click();
    await expect
      .poll(() => page.locator("#f-reason-error").textContent())
      .toContain("Say why");
    await reason.fill("Wire feed jammed");
    await page.getByRole("button", { name: "Take out of service" }).click();

    await expect
      .poll(() => page.locator("#machine-status").textContent())
      .toContain("Out of service: Wire feed jammed");
    const row = server.db
      .select({ inService: machines.inService })
      .from(machines)
      .where(eq(machines.code, "MIG-09"))
      .get();
    expect(row).toEqual({ inService: false });
  });

  it("lists machines by area without a serious accessibility issue", async () => {
    makeMachine(server.db, { code: "SAW-09", area: "Wood Shop" });
    const page = await adminPage();

    await page.goto(`${server.url}/machines`);

    expect(await page.getByRole("heading", { name: "Wood Shop" }).count()).toBe(
      1,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
