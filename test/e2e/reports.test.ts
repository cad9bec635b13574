import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import {
  makeAward,
  makeBadge,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { at, makeDecision, makeSession } from "../reports/support";
import { launchBrowser, seriousViolations, signInAs } from "./support/browser";
import { startServer, type TestServer } from "./support/server";

// A shop with enough rows that the roster and usage reports run over
// several printed pages.
function fillShop(server: TestServer) {
  const db = server.db;
  const safety = makeBadge(db, { slug: "shop-safety", name: "Shop Safety" });
  const lathe = makeBadge(db, {
    slug: "lathe-skills",
    name: "Lathe Skills",
    track: "lathe",
    type: "skills",
  });
  const machine = makeMachine(db, {
    code: "LATHE-01",
    name: "Big lathe",
    requirement: "shop-safety & lathe-skills",
  });
  for (let i = 0; i < 90; i += 1) {
    const s = makeStudent(db, {
      number: `S${5000 + i}`,
      lastName: `Turner${String(i).padStart(2, "0")}`,
    });
    makeAward(db, { studentId: s.id, badgeId: safety.id });
    makeAward(db, {
      studentId: s.id,
      badgeId: lathe.id,
      expiresOn: addDays(today(), 5 + (i % 40)),
      assessorName: "Sam Assessor",
    });
    makeSession(db, {
      machineId: machine.id,
      studentId: s.id,
      startedAt: at(addDays(today(), -(i % 20)), `${8 + (i % 9)}:15`),
      minutes: 30 + i,
    });
    if (i % 3 === 0) {
      makeDecision(db, {
        at: at(addDays(today(), -(i % 20)), "10:00"),
        machineId: machine.id,
        studentId: s.id,
        reasonCodes: ["expired"],
      });
    }
  }
}

type Printed = { pages: string[] };

/** Prints the page to PDF and reads each page's text back. */
async function printToText(
  page: Page,
  format: "Letter" | "A4",
  dir: string,
): Promise<Printed> {
  const file = join(dir, `report-${format}.pdf`);
  writeFileSync(file, await page.pdf({ format }));
  const text = execFileSync("pdftotext", ["-layout", file, "-"], {
    encoding: "utf8",
  });
  return { pages: text.split("\f").filter((p) => p.trim() !== "") };
}

describe("printing reports in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext();
    await signInAs(context, server, "supervisor");
    fillShop(server);
    dir = mkdtempSync(join(tmpdir(), "shoppass-print-"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const REPORTS = [
    {
      path: "/reports/roster?machine=LATHE-01",
      title: "Machine roster: LATHE-01",
      filter: "Cleared on",
    },
    {
      path: "/reports/students/S5001",
      title: "Student record:",
      filter: "Student number: S5001",
    },
    {
      path: "/reports/expiring?days=30",
      title: "Expiring badges",
      filter: "30 days from",
    },
    {
      path: "/reports/usage",
      title: "Machine usage",
      filter: `${addDays(today(), -29)} to ${today()}`,
    },
    {
      path: "/reports/denials",
      title: "Denied scans",
      filter: `${addDays(today(), -29)} to ${today()}`,
    },
    {
      path: "/reports/badges",
      title: "Badge summary",
      filter: "the last 12 months",
    },
  ];

  for (const format of ["Letter", "A4"] as const) {
    it(`prints every report on ${format} with its title, filters and producer on page one`, async () => {
      const page = await context.newPage();

      for (const report of REPORTS) {
        await page.goto(server.url + report.path);
        const { pages } = await printToText(page, format, dir);

        const first = pages[0]!.replace(/\s+/g, " ");
        expect(first, report.path).toContain(report.title);
        expect(first, report.path).toContain(report.filter);
        expect(first, report.path).toMatch(
          /Produced: \d{4}-\d\d-\d\d \d\d:\d\d by Test supervisor/,
        );
        expect(first, report.path).not.toContain("Show report");
        expect(first, report.path).not.toContain("Log out");
        expect(pages.at(-1), report.path).toContain(
          `Page ${pages.length} of ${pages.length}`,
        );
      }
    });
  }

  it("repeats the table header and numbers every page of a long report", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/reports/roster?machine=LATHE-01`);

    const { pages } = await printToText(page, "Letter", dir);

    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const tablePages = pages.filter((p) => p.includes("Turner"));
    expect(tablePages.length).toBeGreaterThan(2);
    for (const text of tablePages) {
      expect(text).toMatch(/Student\s+Number\s+Badge that clears them/);
    }
  });

  it("reruns a report in place when a filter changes and keeps it in the URL", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/reports/usage`);
    await page.evaluate(
      () => ((window as unknown as { marker: number }).marker = 1),
    );

    await page.getByLabel("From").fill(addDays(today(), -5));
    await page.getByRole("button", { name: "Show report" }).click();

    await expect
      .poll(() => page.url())
      .toContain(`from=${addDays(today(), -5)}`);
    await expect
      .poll(() => page.locator(".report-meta").textContent())
      .toContain(`${addDays(today(), -5)} to ${today()}`);
    expect(
      await page.evaluate(
        () => (window as unknown as { marker?: number }).marker,
      ),
    ).toBe(1);
  });

  it("shows a bad filter under its field without leaving the page", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/reports/denials`);

    await page.getByLabel("From").fill(today());
    await page.getByLabel("To").fill(addDays(today(), -3));
    await page.getByRole("button", { name: "Show report" }).click();

    await expect
      .poll(() => page.locator("#f-to-error").textContent())
      .toContain("The end date must be on or after the start date");
    expect(await page.getByText("Fix the filters above").count()).toBe(1);
    expect(await page.getByLabel("To").inputValue()).toBe(addDays(today(), -3));
  });

  it("prints from the Print button and passes axe on every report", async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });

    for (const report of REPORTS) {
      await page.goto(server.url + report.path);
      expect(await seriousViolations(page), report.path).toEqual([]);
    }
    await page.getByRole("button", { name: "Print" }).click();

    expect(
      await page.evaluate(
        () => (window as unknown as { printed?: boolean }).printed,
      ),
    ).toBe(true);
  });
});
