import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  credentialUrl,
  currentCredentialToken,
} from "../../src/credentials/service";
import { createUser, TEST_PASSWORD } from "../support/app";
import { makeBadge, makeMachine, makeStudent } from "../support/factories";
import { launchBrowser, seriousViolations } from "./support/browser";
import { startServer, type TestServer } from "./support/server";

// Issue 2's "done when": sign in, award a badge, see the clearance change.
describe("awarding a badge in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  const visited: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectAccessible(page: Page) {
    visited.push(new URL(page.url()).pathname);
    expect(await seriousViolations(page), page.url()).toEqual([]);
  }

  it("clears a student for the lathe once a supervisor awards the badge", async () => {
    makeBadge(server.db, {
      slug: "shop-safety",
      name: "Shop Safety",
    });
    makeBadge(server.db, {
      slug: "lathe-intermediate-skills",
      name: "Lathe Intermediate Skills",
      track: "lathe",
      type: "skills",
      level: "intermediate",
    });
    makeMachine(server.db, {
      code: "LATHE-02",
      name: "Manual lathe",
      requirement: "shop-safety & lathe-intermediate-skills",
    });
    const student = makeStudent(server.db, {
      firstName: "Grace",
      lastName: "Hopper",
    });
    const supervisor = await createUser(server.db, "supervisor");
    const page = await browser.newPage();

    await page.goto(`${server.url}/login`);
    await expectAccessible(page);
    await page.getByLabel("Email").fill(supervisor.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/`);
    await expectAccessible(page);

    await page.getByLabel("Find a student").fill("Hopper");
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("link", { name: /Hopper/ })
      .first()
      .click();
    await page.waitForURL(`${server.url}/students/${student.number}`);
    await expectAccessible(page);
    const lathe = page.getByRole("row", { name: /LATHE-02/ });
    await expect.poll(() => lathe.textContent()).toContain("Not cleared");
    expect(await lathe.textContent()).toContain("Shop Safety");

    for (const badge of ["Shop Safety", "Lathe Intermediate Skills"]) {
      await page.getByRole("link", { name: "Award a badge" }).click();
      await expectAccessible(page);
      await page.getByLabel("Badge").selectOption({ label: badge });
      await page.getByLabel("Evidence (optional)").fill("Observed in person");
      await page.getByRole("button", { name: "Award the badge" }).click();
      await page.waitForURL(`${server.url}/students/${student.number}`);
    }

    await expectAccessible(page);
    await expect.poll(() => lathe.textContent()).not.toContain("Not cleared");
    expect(await lathe.textContent()).toContain("Cleared");

    const token = currentCredentialToken(server.db, server.config, student.id);
    await page.goto(credentialUrl(server.config, token));
    await expectAccessible(page);
    const own = await page.locator("main").textContent();
    expect(own).toContain("LATHE-02");
    expect(own).toContain("Cleared");
    expect(own).not.toContain("Not cleared");
    expect(visited.length).toBeGreaterThanOrEqual(6);
  }, 90_000);
});
