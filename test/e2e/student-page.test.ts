import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentCredentialToken } from "../../src/credentials/service";
import { addDays, today } from "../../src/lib/dates";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { launchBrowser, seriousViolations } from "./support/browser";
import { startServer, type TestServer } from "./support/server";

// A student with badges in every state and machines in two areas.
function seedStudent(server: TestServer) {
  const db = server.db;
  const student = makeStudent(db, {
    firstName: "Maya",
    lastName: "Okafor-Lindqvist",
  });
  const safety = makeBadge(db, { slug: "shop-safety", name: "Shop Safety" });
  const lathe = makeBadge(db, {
    slug: "lathe-intermediate-skills",
    name: "Lathe Intermediate Skills",
    track: "lathe",
    type: "skills",
    level: "intermediate",
    description: "Turns parts to tolerance on a manual lathe.",
    criteriaUrl: "https://moodle.example/course/7",
  });
  const mig = makeBadge(db, {
    slug: "welding-mig-introductory-skills",
    name: "MIG Welding Introductory Skills",
    track: "welding-mig",
    type: "skills",
  });
  makeAward(db, { studentId: student.id, badgeId: safety.id });
  makeAward(db, {
    studentId: student.id,
    badgeId: lathe.id,
    expiresOn: addDays(today(), 9),
  });
  makeAward(db, {
    studentId: student.id,
    badgeId: mig.id,
    expiresOn: "2025-06-30",
  });
  makeMachine(db, {
    name: "Manual Lathe",
    area: "Machine Shop",
    requirement: "shop-safety & lathe-intermediate-skills",
  });
  const welder = makeMachine(db, {
    name: "MIG Welder",
    area: "Welding Bay",
    requirement: "shop-safety & welding-mig-introductory-skills",
  });
  makeHold(db, {
    studentId: student.id,
    scope: "machine",
    machineId: welder.id,
  });
  return currentCredentialToken(db, server.config, student.id);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
  );
}

describe("the student's page and the catalog on a phone", () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    token = seedStudent(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("reads well at 390 x 844 with no serious accessibility issue", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
    });

    await page.goto(`${server.url}/s/${token}`);

    expect(await page.locator("h1").textContent()).toBe(
      "Maya Okafor-Lindqvist",
    );
    expect(await page.getByText("Not cleared").count()).toBe(1);
    expect(
      await page.getByText("A hold was placed - see shop staff").count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("does not scroll sideways at 360 pixels", async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
    });

    await page.goto(`${server.url}/s/${token}`);
    const studentPage = await horizontalOverflow(page);
    await page.goto(`${server.url}/s/${token}/card`);
    const cardPage = await horizontalOverflow(page);
    await page.goto(`${server.url}/badges/lathe-intermediate-skills`);
    const badgePage = await horizontalOverflow(page);

    expect([studentPage, cardPage, badgePage]).toEqual([0, 0, 0]);
    await page.close();
  });

  it("leads from a missing badge to the page that says how to earn it", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${server.url}/s/${token}`);

    await page.getByRole("link", { name: "How to renew it" }).first().click();

    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("MIG Welding Introductory Skills");
    await page.close();
  });

  it("has no serious accessibility issue on the catalog and a badge page", async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
    });

    await page.goto(`${server.url}/badges`);
    const catalog = await seriousViolations(page);
    await page.goto(`${server.url}/badges/lathe-intermediate-skills`);
    const badge = await seriousViolations(page);

    expect(catalog).toEqual([]);
    expect(badge).toEqual([]);
    expect(await page.getByText("Manual Lathe", { exact: true }).count()).toBe(
      1,
    );
    await page.close();
  });
});
