import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { requireKiosk } from "../../src/devices/guards";
import { registerDevice, revokeDevice } from "../../src/devices/service";
import type { AppEnv } from "../../src/lib/env";
import { createTestApp, CSRF, signIn, type TestApp } from "../support/app";
import { makeMachine } from "../support/factories";

const cli = { kind: "cli" } as const;

function kioskSecret(db: TestApp["db"]) {
  return registerDevice(db, cli, { name: "Front desk", kind: "kiosk" });
}

// A bare app around requireKiosk, so the guard is tested on its own.
function guardedApp(t: TestApp) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", {
      db: t.db,
      config: t.config,
    } as AppEnv["Variables"]["deps"]);
    c.set("user", null);
    c.set("actor", null);
    await next();
  });
  app.get("/kiosk", requireKiosk, (c) => c.json({ actor: c.var.actor }));
  return app;
}

describe("kiosk pairing", () => {
  it("shows the pairing form with a labelled secret field", async () => {
    const { app } = createTestApp();

    const res = await app.request("/kiosk/pair");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="f-secret">Device secret</label>');
    expect(html).toContain('name="_csrf"');
  });

  it("pairs from the secret in the link and keeps a strict device cookie", async () => {
    const t = createTestApp();
    const { secret } = kioskSecret(t.db);

    const res = await t.app.request(`/kiosk/pair?secret=${secret}`);

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/kiosk");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`shoppass_device=${secret}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toMatch(/Max-Age=\d{8}/);
  });

  it("pairs from the typed secret", async () => {
    const t = createTestApp();
    const { secret } = kioskSecret(t.db);

    const res = await t.app.request("/kiosk/pair", {
      method: "POST",
      headers: {
        cookie: `shoppass_csrf=${CSRF}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: CSRF, secret }),
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toContain(
      `shoppass_device=${secret}`,
    );
  });

  it("answers a wrong secret with 422 and a message, setting no cookie", async () => {
    const t = createTestApp();

    const res = await t.app.request("/kiosk/pair", {
      method: "POST",
      headers: {
        cookie: `shoppass_csrf=${CSRF}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: CSRF, secret: "wrong" }),
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("That secret is not a kiosk");
    expect(res.headers.get("set-cookie") ?? "").not.toContain(
      "shoppass_device=",
    );
  });

  it("refuses to pair a browser with an interlock's secret", async () => {
    const t = createTestApp();
    const { secret } = registerDevice(t.db, cli, {
      name: "L",
      kind: "interlock",
    });

    const res = await t.app.request(`/kiosk/pair?secret=${secret}`);

    expect(res.status).toBe(422);
  });
});

describe("requireKiosk", () => {
  it("lets a paired kiosk in as the device actor", async () => {
    const t = createTestApp();
    const { id, secret } = kioskSecret(t.db);

    const res = await guardedApp(t).request("/kiosk", {
      headers: { cookie: `shoppass_device=${secret}` },
    });

    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.actor).toMatchObject({ kind: "device", id });
  });

  it("sends an unpaired browser to the pairing page", async () => {
    const t = createTestApp();

    const res = await guardedApp(t).request("/kiosk");

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/kiosk/pair");
  });

  it("sends a revoked kiosk back to pairing and drops its cookie", async () => {
    const t = createTestApp();
    const { id, secret } = kioskSecret(t.db);
    revokeDevice(t.db, cli, id);

    const res = await guardedApp(t).request("/kiosk", {
      headers: { cookie: `shoppass_device=${secret}` },
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toContain("shoppass_device=;");
  });

  it("gives a paired kiosk no access to the staff pages", async () => {
    const t = createTestApp();
    const { secret } = kioskSecret(t.db);

    const res = await t.app.request("/admin/devices", {
      headers: { cookie: `shoppass_device=${secret}` },
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });

  it("tells an htmx request to go to pairing", async () => {
    const t = createTestApp();

    const res = await guardedApp(t).request("/kiosk", {
      headers: { "HX-Request": "true" },
    });

    expect(res.headers.get("HX-Redirect")).toBe("/kiosk/pair");
  });
});

describe("admin device pages", () => {
  it("lists devices for an admin and keeps others out", async () => {
    const t = createTestApp();
    kioskSecret(t.db);
    const admin = await signIn(t, "admin");
    const supervisor = await signIn(t, "supervisor");

    const ok = await admin.get("/admin/devices");
    const refused = await supervisor.get("/admin/devices");

    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Front desk");
    expect(refused.status).toBe(403);
  });

  it("registers a device and shows its secret once with the pairing link", async () => {
    const t = createTestApp();
    makeMachine(t.db, { code: "LATHE-02", area: "Lathes" });
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/devices", {
      name: "Lathe kiosk",
      kind: "kiosk",
      area: "",
      machineCode: "LATHE-02",
    });

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const secret = /<code class="secret">([^<]+)</.exec(html)![1]!;
    expect(html).toContain(`http://shop.test/kiosk/pair?secret=${secret}`);
    const again = await (await admin.get("/admin/devices")).text();
    expect(again).toContain("LATHE-02");
    expect(again).not.toContain(secret);
  });

  it("re-renders the form with messages and values for bad input", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/devices", {
      name: "",
      kind: "toaster",
      machineCode: "",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Give the device a name");
    expect(html).toContain("Choose kiosk or interlock");
  });

  it("explains an unknown machine under its field", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/devices", {
      name: "Lock",
      kind: "interlock",
      machineCode: "NOPE-9",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("There is no machine NOPE-9");
    expect(html).toContain('value="Lock"');
  });

  it("revokes a device and says so in the list", async () => {
    const t = createTestApp();
    const { id } = kioskSecret(t.db);
    const admin = await signIn(t, "admin");

    const res = await admin.post(`/admin/devices/${id}/revoke`, {});

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/devices");
    expect(await (await admin.get("/admin/devices")).text()).toContain(
      "Revoked",
    );
  });

  it("answers 404 for revoking an unknown device", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/admin/devices/999/revoke", {});

    expect(res.status).toBe(404);
  });
});
