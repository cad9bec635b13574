import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { machineSessions } from "../../src/db/schema";
import { createTestApp, signIn } from "../support/app";
import { makeShop, pairKiosk } from "./support";

async function shopWithAdaOnLathe() {
  const t = createTestApp();
  const shop = makeShop(t);
  const kiosk = pairKiosk(t, { machineCode: "LATHE-02" });
  await kiosk.post("/kiosk/scan", { scanned: shop.ada.card });
  const session = t.db.select().from(machineSessions).get()!;
  return { t, shop, kiosk, session };
}

describe("GET /kiosk/board", () => {
  it("shows staff every machine, who is on it and since when", async () => {
    const { t } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const res = await staff.get("/kiosk/board");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Occupancy</h1>");
    expect(html).toMatch(/Ada Lovelace since <time datetime="[^"]+">\d\d:\d\d/);
    expect(html).toContain("MIG Welder");
    expect(html).toContain('hx-trigger="every 5s"');
    expect(html).toContain("End session");
  });

  it("narrows to one area", async () => {
    const { t } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const html = await (
      await staff.get("/kiosk/board?area=Weld%20Shop")
    ).text();

    expect(html).toContain("MIG Welder");
    expect(html).not.toContain("Lathe 2");
  });

  it("gives the polling request only the board region", async () => {
    const { t } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const res = await staff.get("/kiosk/board", { "HX-Request": "true" });

    expect(res.headers.get("vary")).toContain("HX-Request");
    const html = await res.text();
    expect(html).toMatch(/^<div id="board"/);
    expect(html).not.toContain("<html");
  });

  it("is for staff: a visitor goes to login, a kiosk alone too", async () => {
    const { t, kiosk } = await shopWithAdaOnLathe();

    const visitor = await t.app.request("/kiosk/board");
    const device = await kiosk.get("/kiosk/board");

    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toContain("/login");
    expect(device.status).toBe(303);
  });
});

describe("POST /kiosk/sessions/:id/end", () => {
  it("ends the session by staff and goes back to the board", async () => {
    const { t, session } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const res = await staff.post(`/kiosk/sessions/${session.id}/end`, {});

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/kiosk/board");
    const ended = t.db
      .select()
      .from(machineSessions)
      .where(eq(machineSessions.id, session.id))
      .get()!;
    expect(ended.endedAt).not.toBeNull();
    expect(ended.endKind).toBe("staff");
    expect(ended.endedBy).toBe(staff.id);
  });

  it("answers htmx with the refreshed board region", async () => {
    const { t, session } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const res = await staff.post(
      `/kiosk/sessions/${session.id}/end?area=Machine%20Shop`,
      {},
      { "HX-Request": "true" },
    );

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<div id="board"/);
    expect(html).not.toContain("Ada Lovelace");
  });

  it("refuses without the CSRF token", async () => {
    const { t, session } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const res = await t.app.request(`/kiosk/sessions/${session.id}/end`, {
      method: "POST",
      headers: { cookie: staff.cookie },
    });

    expect(res.status).toBe(403);
  });

  it("answers 404 for an unknown or malformed session id", async () => {
    const { t } = await shopWithAdaOnLathe();
    const staff = await signIn(t, "staff");

    const unknown = await staff.post(
      "/kiosk/sessions/00000000-0000-4000-8000-000000000000/end",
      {},
    );
    const malformed = await staff.post("/kiosk/sessions/nope/end", {});

    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
  });
});
