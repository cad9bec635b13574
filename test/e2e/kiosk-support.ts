// Browser-test helpers for the kiosk: a shop in the server's database, a
// paired kiosk page, and a USB scanner that types and presses Enter.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { invalidateCatalog } from "../../src/clearance/service";
import {
  credentialUrl,
  currentCredentialToken,
} from "../../src/credentials/service";
import { registerDevice } from "../../src/devices/service";
import {
  makeAward,
  makeBadge,
  makeMachine,
  makeStudent,
} from "../support/factories";
import type { TestServer } from "./support/server";

let areaSeq = 0;

/**
 * A fresh area with a lathe that needs a safety badge and a free mill, a
 * cleared and a denied student, and their card URLs.
 */
export function makeKioskShop(server: TestServer) {
  areaSeq += 1;
  const area = `Machine Shop ${areaSeq}`;
  const safety = makeBadge(server.db, { name: "Shop Safety" });
  const lathe = makeMachine(server.db, {
    code: `LATHE-${areaSeq}`,
    name: `Lathe ${areaSeq}`,
    area,
    requirement: safety.slug,
  });
  const mill = makeMachine(server.db, {
    code: `MILL-${areaSeq}`,
    name: `Mill ${areaSeq}`,
    area,
  });
  const ada = makeStudent(server.db, { firstName: "Ada", lastName: "Cleared" });
  makeAward(server.db, { studentId: ada.id, badgeId: safety.id });
  const bob = makeStudent(server.db, { firstName: "Bob", lastName: "Denied" });
  // the factories write behind the cached catalog's back
  invalidateCatalog(server.db);
  const card = (id: number) =>
    credentialUrl(
      server.config,
      currentCredentialToken(server.db, server.config, id),
    );
  return {
    area,
    safety,
    lathe,
    mill,
    ada: { ...ada, card: card(ada.id) },
    bob: { ...bob, card: card(bob.id) },
  };
}

/** A student with no badges and the URL on their card. */
export function makeCardHolder(server: TestServer) {
  const student = makeStudent(server.db, { firstName: "Cara" });
  const token = currentCredentialToken(server.db, server.config, student.id);
  return {
    ...student,
    name: `${student.firstName} ${student.lastName}`,
    card: credentialUrl(server.config, token),
  };
}

/** Registers a kiosk and pairs a new page with it through /kiosk/pair. */
export async function openPairedKiosk(
  context: BrowserContext,
  server: TestServer,
  where: { area?: string; machineCode?: string },
): Promise<Page> {
  const { secret } = registerDevice(
    server.db,
    { kind: "cli" },
    { name: "Test kiosk", kind: "kiosk", ...where },
  );
  const page = await context.newPage();
  watchForErrors(page);
  await page.goto(`${server.url}/kiosk/pair?secret=${secret}`);
  await page.waitForURL(`${server.url}/kiosk`);
  await expectKioskReady(page);
  return page;
}

const pageErrors = new WeakMap<Page, string[]>();

/** Collects console errors (a CSP violation is one) and page errors. */
export function watchForErrors(page: Page) {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("console", (m) => {
    const url = m.location().url;
    // the browser asks for a favicon nobody serves; not the kiosk's error
    if (m.type() !== "error" || url.endsWith("/favicon.ico")) return;
    errors.push(`${m.text()} ${url}`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
}

export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** Waits for kiosk.js, then for the Scan field to have the focus. */
export async function expectKioskReady(page: Page) {
  await page.locator('main[data-script="ready"]').waitFor();
  await expectScanFocused(page);
}

export async function expectScanFocused(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id))
    .toBe("scan-input");
}

/** A USB scanner: types the code into whatever has focus, then Enter. */
export async function scan(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

export async function statusText(page: Page): Promise<string> {
  const text = await page.getByRole("status").innerText();
  return text.replace(/\s+/g, " ").trim();
}

export async function expectStatus(page: Page, start: string | RegExp) {
  const pattern =
    typeof start === "string" ? new RegExp(`^${escape(start)}`) : start;
  await expect.poll(() => statusText(page), { timeout: 8000 }).toMatch(pattern);
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The Enter-to-paint time kiosk.js measured for the last scan. */
export async function lastScanMs(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __lastScanMs: number }).__lastScanMs,
  );
}

// Two scans of one card closer than 3 s are one scan.
export const REPEAT_GAP_MS = 3_200;

// In Node the decoder gets its wasm from node_modules, not a CDN.
const wasm = createRequire(import.meta.url).resolve(
  "zxing-wasm/reader/zxing_reader.wasm",
);
prepareZXingModule({
  overrides: { wasmBinary: readFileSync(wasm).buffer as ArrayBuffer },
});

/** The text of the QR code in a PNG image (a screenshot). */
export async function decodeQr(png: Buffer): Promise<string | null> {
  const results = await readBarcodes(new Uint8Array(png), {
    formats: ["QRCode"],
  });
  return results[0]?.text ?? null;
}
