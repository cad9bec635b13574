import { describe, expect, it } from "vitest";
import { registerDevice } from "../../src/devices/service";
import { createTestApp, signIn } from "../support/app";
import { makeStudent } from "../support/factories";

const REPORTS = [
  "/reports",
  "/reports/roster?machine=LATHE-01",
  "/reports/students/S1",
  "/reports/expiring",
  "/reports/usage",
  "/reports/usage?format=csv",
  "/reports/denials",
  "/reports/badges",
];

describe("who may open reports", () => {
  it("sends a visitor without a session to the login page", async () => {
    const t = createTestApp();

    for (const path of REPORTS) {
      const res = await t.app.request(path);

      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toMatch(/^\/login\?next=/);
    }
  });

  it("refuses staff below supervisor", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    for (const path of REPORTS) {
      const res = await staff.get(path);

      expect(res.status, path).toBe(403);
    }
  });

  it("refuses a paired kiosk and an interlock's bearer secret", async () => {
    const t = createTestApp();
    const kiosk = registerDevice(
      t.db,
      { kind: "cli" },
      { name: "Kiosk", kind: "kiosk", area: "Machine Shop" },
    );
    const interlock = registerDevice(
      t.db,
      { kind: "cli" },
      { name: "Lock", kind: "interlock" },
    );

    for (const path of REPORTS) {
      const byCookie = await t.app.request(path, {
        headers: { cookie: `shoppass_device=${kiosk.secret}` },
      });
      const byBearer = await t.app.request(path, {
        headers: { authorization: `Bearer ${interlock.secret}` },
      });

      expect(byCookie.status, path).toBe(403);
      expect(byBearer.status, path).toBe(403);
    }
  });

  it("lets supervisors and admins in", async () => {
    const t = createTestApp();
    makeStudent(t.db, { number: "S1" });
    const boss = await signIn(t, "supervisor");
    const admin = await signIn(t, "admin");

    for (const path of REPORTS.filter((p) => !p.includes("roster"))) {
      expect((await boss.get(path)).status, path).toBe(200);
      expect((await admin.get(path)).status, path).toBe(200);
    }
  });

  it("lists every report on the index page", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports");

    const html = await res.text();
    for (const href of [
      "roster",
      "students",
      "expiring",
      "usage",
      "denials",
      "badges",
    ]) {
      expect(html).toContain(`href="/reports/${href}"`);
    }
  });
});
