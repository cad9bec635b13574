import { describe, expect, it } from "vitest";
import {
  createTestApp,
  createUser,
  CSRF,
  signIn,
  TEST_PASSWORD,
} from "../support/app";

describe("health and staff sign-in", () => {
  it("answers the health check after a database round trip", async () => {
    const { app } = createTestApp();

    const res = await app.request("/healthz");

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("sends a visitor without a session to the login page", async () => {
    const { app } = createTestApp();

    const res = await app.request("/students");

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Fstudents");
  });

  it("signs in with the right password and lands on the next page", async () => {
    const t = createTestApp();
    const user = await createUser(t.db, "staff");

    const res = await t.app.request("/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `shoppass_csrf=${CSRF}`,
      },
      body: new URLSearchParams({
        email: user.email.toUpperCase(),
        password: TEST_PASSWORD,
        next: "/machines",
        _csrf: CSRF,
      }),
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/machines");
    expect(res.headers.get("set-cookie")).toMatch(
      /shoppass_session=.+HttpOnly/,
    );
  });

  it("keeps the email and says what is wrong on a bad password", async () => {
    const t = createTestApp();
    const staff = await createUser(t.db, "staff");

    const res = await t.app.request("/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `shoppass_csrf=${CSRF}`,
      },
      body: new URLSearchParams({
        email: staff.email,
        password: "wrong",
        _csrf: CSRF,
      }),
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("That email and password do not match.");
    expect(html).toContain(`value="${staff.email}"`);
  });

  it("refuses a form posted without the CSRF token", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    const res = await t.app.request("/logout", {
      method: "POST",
      headers: { cookie: staff.cookie },
    });

    expect(res.status).toBe(403);
  });

  it("sends a strict content security policy", async () => {
    const { app } = createTestApp();

    const res = await app.request("/login");

    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });
});
