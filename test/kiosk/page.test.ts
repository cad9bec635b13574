import { describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../support/app";
import { makeMachine } from "../support/factories";
import { browser, makeShop, pairKiosk } from "./support";

describe("GET /kiosk", () => {
  it("sends a browser that is neither paired nor staff to pairing", async () => {
    const { app } = createTestApp();

    const res = await app.request("/kiosk");

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/kiosk/pair");
  });

  it("shows a pinned kiosk its machine, a labelled Scan field and a Camera toggle", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });

    const res = await kiosk.get("/kiosk");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-mode="pinned"');
    expect(html).toContain("Lathe 2 (LATHE-02): scan a card");
    expect(html).toContain('<label for="scan-input">Scan</label>');
    expect(html).toContain('id="scan-input" name="scanned"');
    expect(html).toMatch(/id="camera-toggle"[^>]*aria-pressed="false"/);
    expect(html).toContain('role="status"');
    expect(html).not.toContain("Mill 1");
  });

  it("shows a shared kiosk its own area's machines as tiles to tap", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const html = await (await kiosk.get("/kiosk")).text();

    expect(html).toContain('data-mode="shared"');
    expect(html).toContain('data-machine="LATHE-02"');
    expect(html).toContain('data-machine="MILL-01"');
    expect(html).not.toContain("MIG-01");
    expect(html).toContain('name="area" value="Machine Shop"');
  });

  it("lets staff choose the area first, then shows that area's machines", async () => {
    const t = createTestApp();
    makeShop(t);
    const staff = await signIn(t, "staff");

    const choose = await (await staff.get("/kiosk")).text();
    const weld = await (await staff.get("/kiosk?area=Weld%20Shop")).text();

    expect(choose).toContain('href="/kiosk?area=Machine%20Shop"');
    expect(choose).toContain('href="/kiosk?area=Weld%20Shop"');
    expect(weld).toContain('data-machine="MIG-01"');
    expect(weld).not.toContain("LATHE-02");
    expect(weld).toMatch(/Test staff \d+ \(staff\)/);
  });

  it("carries no inline script or style, so the strict CSP holds", async () => {
    const t = createTestApp();
    makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });

    const res = await kiosk.get("/kiosk");

    const html = await res.text();
    expect(res.headers.get("content-security-policy")).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\shx-on/);
  });

  it("ignores an area query that is too long instead of failing", async () => {
    const t = createTestApp();
    makeShop(t);
    const staff = await signIn(t, "staff");

    const res = await staff.get(`/kiosk?area=${"x".repeat(300)}`);

    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Which area is this kiosk for?");
  });
});

describe("GET /kiosk/occupancy", () => {
  it("gives a paired kiosk its tiles with who is on each machine, first name and initial", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const kiosk = pairKiosk(t, { area: "Machine Shop" });
    await kiosk.post("/kiosk/scan", {
      scanned: shop.ada.card,
      machine: "LATHE-02",
    });

    const res = await kiosk.get("/kiosk/occupancy");

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Ada L. since");
    expect(html).not.toContain("Lovelace");
    expect(html).not.toContain("<html");
  });

  it("refuses a browser that is not a kiosk", async () => {
    const t = createTestApp();

    const res = await browser(t, "").get("/kiosk/occupancy");

    expect(res.status).toBe(303);
  });
});

describe("the QR decoder files", () => {
  it("are served by the app itself, the wasm with its own type", async () => {
    const { app } = createTestApp();

    const reader = await app.request("/assets/zxing/reader/index.js");
    const share = await app.request("/assets/zxing/share.js");
    const wasm = await app.request("/assets/zxing/zxing_reader.wasm");

    expect(reader.status).toBe(200);
    expect(reader.headers.get("content-type")).toContain("javascript");
    expect(await reader.text()).toContain('from "../share.js"');
    expect(share.status).toBe(200);
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get("content-type")).toBe("application/wasm");
  });

  it("and so are the kiosk's own scripts and stylesheet", async () => {
    const t = createTestApp();
    makeMachine(t.db);

    const js = await t.app.request("/public/kiosk.js");
    const camera = await t.app.request("/public/kiosk-camera.js");
    const css = await t.app.request("/public/kiosk.css");

    expect(js.status).toBe(200);
    expect(await js.text()).toContain('from "./kiosk-camera.js"');
    expect(await camera.text()).toContain("/assets/zxing/zxing_reader.wasm");
    expect(css.status).toBe(200);
  });
});
