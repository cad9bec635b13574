import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import {
  credentialUrl,
  currentCredentialToken,
} from "../../src/credentials/service";
import { makeStudent } from "../support/factories";
import { launchBrowser, signInAs } from "./support/browser";
import { startServer, type TestServer } from "./support/server";

prepareZXingModule({
  overrides: {
    wasmBinary: readFileSync(
      createRequire(import.meta.url).resolve(
        "zxing-wasm/reader/zxing_reader.wasm",
      ),
    ).buffer as ArrayBuffer,
  },
});

const MM_PER_POINT = 25.4 / 72;

/** Page count and the first page's size in mm, from pdfinfo. */
function pdfPages(file: string) {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    widthMm: Number(size[1]) * MM_PER_POINT,
    heightMm: Number(size[2]) * MM_PER_POINT,
  };
}

/** Renders page `n` in grey and reads the binary PGM pdftoppm writes. */
function renderGray(file: string, n = 1, dpi = 300) {
  const out = file.replace(/\.pdf$/, `-${n}`);
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-gray",
    "-f",
    String(n),
    "-l",
    String(n),
    "-singlefile",
    file,
    out,
  ]);
  const pgm = readFileSync(`${out}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(
    pgm.subarray(0, 50).toString("latin1"),
  )!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, gray: pgm.subarray(header[0].length) };
}

async function decodeQr(image: ReturnType<typeof renderGray>) {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i += 1) {
    const v = image.gray[i]!;
    data.set([v, v, v, 255], i * 4);
  }
  const results = await readBarcodes(
    { data, width: image.width, height: image.height, colorSpace: "srgb" },
    { formats: ["QRCode"], maxNumberOfSymbols: 16 },
  );
  return results.map((r) => r.text);
}

describe("printed cards in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), "shoppass-card-"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("prints the student's card at card size with a QR code that scans to their link", async () => {
    const student = makeStudent(server.db, {
      firstName: "Maya",
      lastName: "Okafor Lindqvist",
    });
    const token = currentCredentialToken(server.db, server.config, student.id);
    const page = await browser.newPage();
    await page.goto(`${server.url}/s/${token}/card`);

    const pdf = join(dir, "card.pdf");
    writeFileSync(
      pdf,
      await page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );

    const info = pdfPages(pdf);
    expect(info.pages).toBe(1);
    expect(info.widthMm).toBeCloseTo(85.6, 0);
    expect(info.heightMm).toBeCloseTo(54, 0);
    const texts = await decodeQr(renderGray(pdf));
    expect(texts).toEqual([credentialUrl(server.config, token)]);
    const words = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(words).toContain("Okafor");
    expect(words).toContain(student.number);
  });

  it("prints a Letter sheet of cards on whole pages, every QR code readable", async () => {
    const students = Array.from({ length: 9 }, () => makeStudent(server.db));
    const context = await browser.newContext();
    await signInAs(context, server, "staff");
    const page = await context.newPage();
    const numbers = students.map((s) => s.number).join(" ");
    await page.goto(
      `${server.url}/cards/sheet?by=numbers&paper=letter&numbers=${encodeURIComponent(numbers)}`,
    );

    const pdf = join(dir, "sheet.pdf");
    writeFileSync(
      pdf,
      await page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );

    const info = pdfPages(pdf);
    expect(info.pages).toBe(2);
    expect(info.widthMm).toBeCloseTo(215.9, 0);
    expect(info.heightMm).toBeCloseTo(279.4, 0);
    const first = await decodeQr(renderGray(pdf, 1, 150));
    const second = await decodeQr(renderGray(pdf, 2, 150));
    const urls = students.map((s) =>
      credentialUrl(
        server.config,
        currentCredentialToken(server.db, server.config, s.id),
      ),
    );
    expect([...first, ...second].sort()).toEqual([...urls].sort());
    expect(first).toHaveLength(8);
    await context.close();
  });

  it("prints an A4 sheet at A4 size", async () => {
    const student = makeStudent(server.db);
    const context = await browser.newContext();
    await signInAs(context, server, "staff");
    const page = await context.newPage();
    await page.goto(
      `${server.url}/cards/sheet?by=numbers&paper=a4&numbers=${student.number}`,
    );

    const pdf = join(dir, "sheet-a4.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));

    const info = pdfPages(pdf);
    expect(info.pages).toBe(1);
    expect(info.widthMm).toBeCloseTo(210, 0);
    expect(info.heightMm).toBeCloseTo(297, 0);
    await context.close();
  });
});
