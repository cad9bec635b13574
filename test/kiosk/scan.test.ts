import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestApp, signIn } from "../support/app";
import { browser, makeShop, pairKiosk } from "./support";

// The service reads the clock: scans 3 s apart are scans, not repeats.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-03-02T10:00:00"));
});
afterEach(() => {
  vi.useRealTimers();
});

function statusText(html: string): string {
  const slot = /<div data-slot="status">(.*?)<\/div>/s.exec(html)?.[1] ?? "";
  return slot
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("POST /kiosk/scan at a pinned kiosk", () => {
  it("signs a cleared student in, and out on the next scan", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const first = await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });
    vi.advanceTimersByTime(5_000);
    const second = await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });

    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('data-outcome="signed-in"');
    expect(html).toContain('data-tone="yes"');
    expect(statusText(html)).toBe("Signed in Ada Lovelace Lathe 2 (LATHE-02)");
    expect(statusText(await second.text())).toMatch(/^Signed out Ada/);
  });

  it("does nothing with the same scan again within 3 s", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });
    await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });

    vi.advanceTimersByTime(1_500);
    const again = await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });

    expect(await again.text()).toContain('data-outcome="duplicate"');
  });

  it("says Not cleared with the reason and where to earn the badge", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await kiosk.post("/kiosk/scan", { scanned: shop.bob.card });

    const html = await res.text();
    expect(html).toContain('data-tone="no"');
    expect(statusText(html)).toBe(
      "Not cleared Bob Denied Lathe 2 (LATHE-02) Shop Safety is missing" +
        " - earn it at http://shop.test/badges/shop-safety",
    );
  });

  it("says Not cleared for a card it does not know", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await kiosk.post("/kiosk/scan", {
      scanned: "http://shop.test/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    });

    expect(statusText(await res.text())).toBe(
      "Not cleared Unknown card Lathe 2 (LATHE-02) This card is not known here",
    );
  });

  it("ignores a machine sent by the browser: a pinned kiosk stays on its machine", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await kiosk.post("/kiosk/scan", {
      scanned: shop.ada.card,
      machine: "MILL-01",
    });

    expect(statusText(await res.text())).toContain("Lathe 2 (LATHE-02)");
  });

  it("refuses a scan without the CSRF token", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await t.app.request("/kiosk/scan", {
      method: "POST",
      headers: {
        cookie: kiosk.cookie,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ scanned: shop.ada.card }),
    });

    expect(res.status).toBe(403);
  });

  it("answers an empty scan with 422 and a notice", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await kiosk.post("/kiosk/scan", { scanned: "   " });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('data-outcome="notice"');
    expect(html).toContain("Scan a card or a machine tag");
  });

  it("answers a form posted without JavaScript with the whole kiosk page", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await kiosk.post("/kiosk/scan", { scanned: shop.ada.card }, {});

    expect(res.status).toBe(200);
    expect(res.headers.get("vary")).toContain("HX-Request");
    const html = await res.text();
    expect(html).toContain("<html");
    expect(html).toMatch(
      /role="status"><div class="kiosk-outcome outcome-signed-in"/,
    );
  });

  it("sends an unpaired browser to pairing", async () => {
    const t = createTestApp();
    const shop = makeShop(t);

    const res = await browser(t, "").post("/kiosk/scan", {
      scanned: shop.ada.card,
    });

    expect(res.status).toBe(200);
    expect(res.headers.get("hx-redirect")).toBe("/kiosk/pair");
  });
});

describe("POST /kiosk/scan at a shared kiosk", () => {
  it("shows the student's clearances for the area when no machine is chosen", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.post("/kiosk/scan", { scanned: shop.bob.card });

    const html = await res.text();
    expect(html).toContain('data-outcome="clearances"');
    expect(html).toContain('data-reset="20000"');
    expect(html).toContain(`data-student="${shop.bob.id}"`);
    expect(statusText(html)).toMatch(/^Your clearances, Bob Denied/);
    expect(html).toContain("Cleared for 1 of 2 machines in Machine Shop");
    // the mill needs nothing: a tile to tap; the lathe says why not
    expect(html).toMatch(/name="machine" value="MILL-01"/);
    expect(html).not.toMatch(/name="machine" value="LATHE-02"/);
    expect(html).toContain("Shop Safety is missing - earn it at");
    expect(html).not.toContain("MIG Welder");
  });

  it("decides at the machine the kiosk user tapped first", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.post("/kiosk/scan", {
      scanned: shop.ada.card,
      machine: "MILL-01",
    });

    expect(statusText(await res.text())).toBe(
      "Signed in Ada Lovelace Mill 1 (MILL-01)",
    );
  });

  it("signs in from a tapped tile after the student's scan", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });
    await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });

    const res = await kiosk.post("/kiosk/sign-in", {
      machine: "LATHE-02",
      student: String(shop.ada.id),
    });

    expect(statusText(await res.text())).toBe(
      "Signed in Ada Lovelace Lathe 2 (LATHE-02)",
    );
  });

  it("refuses a tap for a student nobody scanned at this kiosk", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.post("/kiosk/sign-in", {
      machine: "MILL-01",
      student: String(shop.ada.id),
    });

    expect(res.status).toBe(403);
  });

  it("refuses a tap on another area's machine", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });
    await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });

    const res = await kiosk.post("/kiosk/sign-in", {
      machine: "MIG-01",
      student: String(shop.ada.id),
    });

    expect(res.status).toBe(403);
  });

  it("answers a malformed tap with 422", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.post("/kiosk/sign-in", { machine: "MILL-01" });

    expect(res.status).toBe(422);
  });

  it("says Not cleared for an unknown card, naming no machine", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.post("/kiosk/scan", { scanned: "garbage" });

    expect(statusText(await res.text())).toBe(
      "Not cleared Unknown card This card is not known here",
    );
  });
});

describe("machine tags scanned at the kiosk", () => {
  it("choose the machine when scanned before the student", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.post("/kiosk/scan", {
      scanned: "http://shop.test/m/LATHE-02",
    });

    const html = await res.text();
    expect(html).toContain('data-outcome="machine"');
    expect(html).toContain('data-machine="LATHE-02"');
    expect(statusText(html)).toBe("Lathe 2 (LATHE-02) chosen: scan a card");
  });

  it("sign in the student on screen when scanned after the student", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });
    await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });

    const res = await kiosk.post("/kiosk/scan", {
      scanned: "http://shop.test/m/LATHE-02",
      student: String(shop.ada.id),
    });

    expect(statusText(await res.text())).toBe(
      "Signed in Ada Lovelace Lathe 2 (LATHE-02)",
    );
  });

  it("say so when the machine is in another area or unknown", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const other = await kiosk.post("/kiosk/scan", {
      scanned: "http://shop.test/m/MIG-01",
    });
    const unknown = await kiosk.post("/kiosk/scan", {
      scanned: "http://shop.test/m/NOPE-9",
    });

    expect(statusText(await other.text())).toBe(
      "MIG Welder is in Weld Shop, not here",
    );
    expect(statusText(await unknown.text())).toBe("There is no machine NOPE-9");
  });

  it("work at a staff member's kiosk in any area they chose", async () => {
    const t = createTestApp();
    makeShop(t);
    const staff = await signIn(t, "staff");

    const res = await staff.post(
      "/kiosk/scan",
      { scanned: "http://shop.test/m/MIG-01", area: "Weld Shop" },
      { "HX-Request": "true" },
    );

    expect(await res.text()).toContain('data-machine="MIG-01"');
  });
});
