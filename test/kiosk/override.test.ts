import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { machineSessions } from "../../src/db/schema";
import { createTestApp, signIn } from "../support/app";
import { makeShop } from "./support";

const HTMX = { "HX-Request": "true" };

async function deniedAtLathe(role: "staff" | "supervisor") {
  const t = createTestApp();
  const shop = makeShop(t);
  const user = await signIn(t, role);
  const scan = { scanned: shop.bob.card, machine: "LATHE-02" };
  const denied = await user.post(
    "/kiosk/scan",
    { ...scan, area: "Machine Shop" },
    HTMX,
  );
  return { t, shop, user, html: await denied.text() };
}

describe("the supervisor override at the kiosk", () => {
  it("is offered to a supervisor on a denial, with a labelled reason field", async () => {
    const { html } = await deniedAtLathe("supervisor");

    expect(html).toContain('data-outcome="denied"');
    expect(html).toContain('action="/kiosk/override"');
    expect(html).toContain(
      '<label for="f-reason">Reason for signing in anyway</label>',
    );
    expect(html).toContain("Sign in anyway");
  });

  it("is not offered to staff below supervisor", async () => {
    const { html } = await deniedAtLathe("staff");

    expect(html).toContain('data-outcome="denied"');
    expect(html).not.toContain("Sign in anyway");
  });

  it("signs the student in and records the override and its reason", async () => {
    const { t, shop, user } = await deniedAtLathe("supervisor");

    const res = await user.post(
      "/kiosk/override",
      {
        machine: "LATHE-02",
        student: String(shop.bob.id),
        reason: "Safety quiz passed on paper today",
      },
      HTMX,
    );

    expect(res.status).toBe(200);
    expect(await res.text()).toContain(
      '<p class="outcome-title">Signed in (override)</p>',
    );
    const session = t.db
      .select()
      .from(machineSessions)
      .where(eq(machineSessions.studentId, shop.bob.id))
      .get()!;
    expect(session.overrideBy).toBe(user.id);
    expect(session.overrideReason).toBe("Safety quiz passed on paper today");
  });

  it("asks again for the reason when it is missing, keeping the form", async () => {
    const { shop, user } = await deniedAtLathe("supervisor");

    const res = await user.post(
      "/kiosk/override",
      { machine: "LATHE-02", student: String(shop.bob.id), reason: " " },
      HTMX,
    );

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Not cleared");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Say why the student may sign in anyway");
  });

  it("is forbidden to staff below supervisor", async () => {
    const { shop, user } = await deniedAtLathe("staff");

    const res = await user.post(
      "/kiosk/override",
      { machine: "LATHE-02", student: String(shop.bob.id), reason: "Please" },
      HTMX,
    );

    expect(res.status).toBe(403);
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    const t = createTestApp();
    const shop = makeShop(t);

    const res = await t.app.request("/kiosk/override", {
      method: "POST",
      headers: {
        cookie: "shoppass_csrf=csrf-token-for-tests-0123456789abcdef",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        _csrf: "csrf-token-for-tests-0123456789abcdef",
        machine: "LATHE-02",
        student: String(shop.bob.id),
        reason: "Please",
      }),
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/login");
  });
});
