import type { Browser, BrowserContext } from "playwright-core";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from "vitest";
import { invalidateCatalog } from "../../src/clearance/service";
import { makeMachine } from "../support/factories";
import { launchBrowser, seriousViolations, signInAs } from "./support/browser";
import { startServer, type TestServer } from "./support/server";
import {
  decodeQr,
  errorsOf,
  expectKioskReady,
  expectScanFocused,
  expectStatus,
  lastScanMs,
  makeCardHolder,
  makeKioskShop,
  openPairedKiosk,
  REPEAT_GAP_MS,
  scan,
  statusText,
  watchForErrors,
} from "./kiosk-support";

describe("the kiosk in Chromium, with a USB scanner", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  // one context per test: each holds one paired kiosk's cookie
  beforeEach(async () => {
    context = await browser.newContext();
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in, signs out and denies with the reason, at a pinned kiosk", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, {
      machineCode: shop.lathe.code,
    });

    await scan(page, shop.ada.card);
    await expectStatus(page, `Signed in Ada Cleared ${shop.lathe.name}`);
    expect(await page.locator("main").getAttribute("data-tone")).toBe("yes");
    await page.waitForTimeout(REPEAT_GAP_MS);
    await scan(page, shop.ada.card);
    await expectStatus(page, "Signed out Ada Cleared");
    await page.waitForTimeout(REPEAT_GAP_MS);
    await scan(page, shop.bob.card);
    await expectStatus(page, "Not cleared Bob Denied");

    expect(await statusText(page)).toContain(
      `Shop Safety is missing - earn it at ${server.url}/badges/${shop.safety.slug}`,
    );
    expect(await page.locator("main").getAttribute("data-tone")).toBe("no");
    await expectScanFocused(page);
    expect(errorsOf(page)).toEqual([]);
  });

  it("measures the time from the scanner's Enter to the painted decision", async () => {
    const shop = makeKioskShop(server);
    const students = Array.from({ length: 13 }, () => makeCardHolder(server));
    const machine = makeMachine(server.db, { area: shop.area, capacity: 20 });
    invalidateCatalog(server.db);
    const page = await openPairedKiosk(context, server, {
      machineCode: machine.code,
    });

    const times: number[] = [];
    for (const student of students) {
      await scan(page, student.card);
      await expectStatus(page, `Signed in ${student.name}`);
      times.push(await lastScanMs(page));
    }

    // the first scan warms the server and the page up; report the rest
    const sorted = times.slice(1).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;
    console.log(
      `Kiosk Enter-to-paint over ${sorted.length} scans: ` +
        `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, ` +
        `max ${at(1).toFixed(1)} ms (first scan ${times[0]!.toFixed(1)} ms)`,
    );
    expect(times.every((t) => t > 0)).toBe(true);
  });

  it("returns to ready by itself a few seconds after a decision", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, {
      machineCode: shop.mill.code,
    });

    await scan(page, shop.ada.card);
    await expectStatus(page, "Signed in");
    await page.waitForTimeout(4_500);

    expect(await statusText(page)).toBe("");
    expect(await page.locator("main").getAttribute("data-state")).toBe("ready");
    await expectScanFocused(page);
  });

  it("does nothing with the same scan twice within 3 s", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, {
      machineCode: shop.mill.code,
    });
    let posts = 0;
    page.on("request", (r) => {
      if (r.url().endsWith("/kiosk/scan")) posts += 1;
    });

    await scan(page, shop.ada.card);
    await expectStatus(page, "Signed in");
    await scan(page, shop.ada.card);
    await page.waitForTimeout(500);

    expect(await statusText(page)).toMatch(/^Signed in/);
    expect(posts).toBe(1);
  });

  it("keeps the scanner's keystrokes even when a button had the focus", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, {
      machineCode: shop.mill.code,
    });

    await page.getByRole("button", { name: "Camera" }).focus();
    await scan(page, shop.ada.card);

    await expectStatus(page, "Signed in");
    await expectScanFocused(page);
  });

  it("shows Connection lost at once when a scan times out, never the old answer", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, {
      machineCode: shop.mill.code,
    });
    await scan(page, shop.ada.card);
    await expectStatus(page, "Signed in");
    // the server stops answering: scans hang, health checks fail
    await page.route("**/kiosk/scan", () => {});
    await page.route("**/healthz", (route) => route.abort());

    await scan(page, shop.bob.card);
    await page.waitForTimeout(400);
    const meanwhile = await statusText(page);
    await expectStatus(page, "Connection lost - retrying");
    await page.unroute("**/kiosk/scan");
    await page.unroute("**/healthz");

    expect(meanwhile).not.toContain("Signed in");
    await expect.poll(() => statusText(page), { timeout: 8000 }).toBe("");
    expect(await page.locator("main").getAttribute("data-state")).toBe("ready");
  });

  it("shows a shared kiosk's student the area's clearances, then signs in from a tile", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, { area: shop.area });

    await scan(page, shop.bob.card);
    await expectStatus(page, "Your clearances, Bob Denied");
    const lathe = page.locator(".tile-denied", { hasText: shop.lathe.name });
    expect(await lathe.textContent()).toContain("Not cleared");
    expect(await lathe.textContent()).toContain("Shop Safety is missing");
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole("button", { name: new RegExp(`${shop.mill.name}.*Cleared`) })
      .click();

    await expectStatus(page, `Signed in Bob Denied ${shop.mill.name}`);
    await expectScanFocused(page);
    expect(errorsOf(page)).toEqual([]);
  });

  it("chooses the machine from a tapped tile or a scanned machine tag", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, { area: shop.area });

    const tile = page.locator(`[data-machine="${shop.mill.code}"]`);
    await tile.click();
    expect(await tile.getAttribute("aria-pressed")).toBe("true");
    await expectScanFocused(page);
    await scan(page, shop.ada.card);
    await expectStatus(page, `Signed in Ada Cleared ${shop.mill.name}`);
    await page.waitForTimeout(REPEAT_GAP_MS);
    await scan(page, `${server.url}/m/${shop.lathe.code}`);
    await expectStatus(page, `${shop.lathe.name} (${shop.lathe.code}) chosen`);
    await scan(page, shop.ada.card);

    await expectStatus(page, `Signed in Ada Cleared ${shop.lathe.name}`);
  });

  it("signs in with a machine tag scanned after the student", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, { area: shop.area });

    await scan(page, shop.ada.card);
    await expectStatus(page, "Your clearances, Ada Cleared");
    await scan(page, `${server.url}/m/${shop.lathe.code}`);

    await expectStatus(page, `Signed in Ada Cleared ${shop.lathe.name}`);
  });

  it("updates the idle screen's occupancy by itself", async () => {
    const shop = makeKioskShop(server);
    const page = await openPairedKiosk(context, server, { area: shop.area });
    const otherContext = await browser.newContext();
    const other = await openPairedKiosk(otherContext, server, {
      machineCode: shop.mill.code,
    });

    await scan(other, shop.ada.card);
    await expectStatus(other, "Signed in");

    await expect
      .poll(
        () => page.locator(`[data-machine="${shop.mill.code}"]`).textContent(),
        { timeout: 8000 },
      )
      .toContain("Ada C. since");
    await otherContext.close();
  });
});

describe("a supervisor at the kiosk", () => {
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

  it("signs a denied student in anyway, with a reason, and the focus stays in the form", async () => {
    const shop = makeKioskShop(server);
    const context = await browser.newContext();
    await signInAs(context, server, "supervisor");
    const page = await context.newPage();
    watchForErrors(page);
    await page.goto(
      `${server.url}/kiosk?area=${encodeURIComponent(shop.area)}`,
    );
    await expectKioskReady(page);
    await page.locator(`[data-machine="${shop.lathe.code}"]`).click();

    await scan(page, shop.bob.card);
    await expectStatus(page, "Not cleared Bob Denied");
    expect(await seriousViolations(page)).toEqual([]);
    const reason = page.getByLabel("Reason for signing in anyway");
    await reason.click();
    await page.keyboard.type("Passed the safety quiz on paper");
    expect(await reason.inputValue()).toBe("Passed the safety quiz on paper");
    await page.getByRole("button", { name: "Sign in anyway" }).click();

    await expectStatus(
      page,
      `Signed in (override) Bob Denied ${shop.lathe.name}`,
    );
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it("prints a machine tag whose QR code a kiosk reads as that machine", async () => {
    const shop = makeKioskShop(server);
    const context = await browser.newContext();
    await signInAs(context, server, "staff");
    const page = await context.newPage();
    watchForErrors(page);

    await page.goto(`${server.url}/machines/${shop.lathe.code}/tag`);
    const png = await page.locator(".tag-qr").screenshot();
    const text = await decodeQr(png);

    expect(text).toBe(`${server.url}/m/${shop.lathe.code}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it("sees the occupancy board update by itself and ends a session from it", async () => {
    const shop = makeKioskShop(server);
    const context = await browser.newContext();
    await signInAs(context, server, "staff");
    const page = await context.newPage();
    watchForErrors(page);
    await page.goto(`${server.url}/kiosk/board`);
    expect(await seriousViolations(page)).toEqual([]);
    const kiosk = await openPairedKiosk(context, server, {
      machineCode: shop.mill.code,
    });

    await scan(kiosk, shop.ada.card);
    await expectStatus(kiosk, "Signed in");
    const row = page.getByRole("row", { name: new RegExp(shop.mill.name) });
    await expect
      .poll(() => row.textContent(), { timeout: 8000 })
      .toContain("Ada Cleared since");
    await row.getByRole("button", { name: /End session/ }).click();

    await expect.poll(() => row.textContent()).toContain("Nobody");
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });
});

describe("the kiosk's accessibility", () => {
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

  it("has no serious or critical axe violation when ready, granted or denied", async () => {
    const shop = makeKioskShop(server);
    const context = await browser.newContext();
    const page = await openPairedKiosk(context, server, {
      machineCode: shop.lathe.code,
    });

    const ready = await seriousViolations(page);
    await scan(page, shop.ada.card);
    await expectStatus(page, "Signed in");
    const granted = await seriousViolations(page);
    await scan(page, shop.bob.card);
    await expectStatus(page, "Not cleared");
    const denied = await seriousViolations(page);

    expect({ ready, granted, denied }).toEqual({
      ready: [],
      granted: [],
      denied: [],
    });
    await context.close();
  });
});
