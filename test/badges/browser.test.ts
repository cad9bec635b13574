import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  seriousViolations,
  signInAs,
} from "../e2e/support/browser";
import { startServer, type TestServer } from "../e2e/support/server";
import { createUser } from "../support/app";
import { makeBadge } from "../support/factories";

describe("badge and user admin pages in a real browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await createUser(server.db, "supervisor", { name: "Sam Supervisor" });
    makeBadge(server.db, { slug: "shop-safety", name: "Shop Safety" });
    makeBadge(server.db, {
      slug: "old-mill",
      name: "Old Mill",
      track: "mill",
      archived: true,
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

  it("creates a badge from the form, assessor ticked, without a11y issues", async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/admin/badges/new`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Slug").fill("mill-intro-knowledge");
    await page.getByLabel("Name", { exact: true }).fill("Mill Intro");
    await page.getByLabel("Track").fill("mill");
    await page.getByLabel("Type").selectOption("knowledge");
    await page.getByLabel("Level").selectOption("introductory");
    await page.getByLabel("Validity").fill("annual 13-01");
    await page.getByLabel("Sam Supervisor").check();
    await page.getByRole("button", { name: "Create badge" }).click();
    await expect
      .poll(() => page.locator("#f-validity-error").textContent())
      .toContain("annual 08-31");
    expect(await page.getByLabel("Sam Supervisor").isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Validity").fill("annual 08-31");
    await page.getByRole("button", { name: "Create badge" }).click();

    await expect
      .poll(() => page.locator("#badge-mill-intro-knowledge").textContent())
      .toContain("Valid until the next August 31");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows archived badges when the filter is ticked, through htmx", async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/admin/badges`);
    const row = page.locator("#badge-old-mill");
    expect(await row.count()).toBe(0);

    await page.getByLabel(/Show archived badges/).check();

    await expect.poll(() => row.textContent()).toContain("Archived");
    expect(page.url()).toContain("archived=1");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("lists users and the new-user form without a11y issues", async () => {
    const page = await adminPage();

    await page.goto(`${server.url}/admin/users`);
    const listIssues = await seriousViolations(page);
    await page.goto(`${server.url}/admin/users/new`);

    expect(listIssues).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
