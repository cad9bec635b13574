import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machineSessions } from "../../src/db/schema";
import { launchWithCamera } from "./support/browser";
import { startServer, type TestServer } from "./support/server";
import {
  errorsOf,
  expectStatus,
  makeKioskShop,
  openPairedKiosk,
  statusText,
} from "./kiosk-support";

/** A fake camera feed (y4m) showing the QR code of `text`. */
async function qrVideo(dir: string, text: string): Promise<string> {
  const png = join(dir, "qr.png");
  const y4m = join(dir, "qr.y4m");
  await QRCode.toFile(png, text, { scale: 8, margin: 4 });
  const fit =
    "scale=640:480:force_original_aspect_ratio=decrease," +
    "pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p";
  execFileSync("ffmpeg", [
    ...["-y", "-loglevel", "error", "-loop", "1", "-i", png],
    ...["-t", "2", "-r", "10", "-vf", fit, "-f", "yuv4mpegpipe", y4m],
  ]);
  return y4m;
}

describe("the kiosk's camera", () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), "shoppass-camera-"));
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the student's QR code from the camera and signs them in, once", async () => {
    const shop = makeKioskShop(server);
    const video = await qrVideo(dir, shop.ada.card);
    const camera = await launchWithCamera(video);
    try {
      const page = await openPairedKiosk(camera.context, server, {
        machineCode: shop.lathe.code,
      });
      const button = page.getByRole("button", { name: "Camera" });

      await button.click();
      await expectStatus(page, `Signed in Ada Cleared ${shop.lathe.name}`);
      // the card stays in view past the repeat window and the reset
      await page.waitForTimeout(5_000);

      expect(await button.getAttribute("aria-pressed")).toBe("true");
      expect(await statusText(page)).not.toMatch(/^Signed out/);
      const open = server.db
        .select()
        .from(machineSessions)
        .where(
          and(
            eq(machineSessions.studentId, shop.ada.id),
            eq(machineSessions.machineId, shop.lathe.id),
          ),
        )
        .all();
      expect(open).toHaveLength(1);
      expect(open[0]!.endedAt).toBeNull();
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await camera.close();
    }
  });
});
