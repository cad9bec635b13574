import { describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../support/app";
import { makeShop } from "./support";

describe("GET /machines/:code/tag", () => {
  it("prints the machine's name, code and the QR code of its tag URL", async () => {
    const t = createTestApp();
    makeShop(t);
    const staff = await signIn(t, "staff");

    const res = await staff.get("/machines/LATHE-02/tag");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="tag-name">Lathe 2</h1>');
    expect(html).toContain('<p class="tag-code">LATHE-02</p>');
    expect(html).toContain("http://shop.test/m/LATHE-02");
    expect(html).toMatch(/<div class="tag-qr" role="img"[^>]*><svg /);
  });

  it("is for staff only", async () => {
    const t = createTestApp();
    makeShop(t);

    const res = await t.app.request("/machines/LATHE-02/tag");

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("answers 404 for an unknown machine", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    const res = await staff.get("/machines/NOPE-1/tag");

    expect(res.status).toBe(404);
  });
});

describe("GET /m/:code", () => {
  it("names the machine for a phone that scanned its tag, and no one on it", async () => {
    const t = createTestApp();
    makeShop(t);

    const res = await t.app.request("/m/LATHE-02");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Lathe 2</h1>");
    expect(html).toContain("LATHE-02");
    expect(html).toContain('name="robots" content="noindex, nofollow"');
    expect(html).not.toContain("Ada");
  });

  it("answers 404 for an unknown machine", async () => {
    const t = createTestApp();

    const res = await t.app.request("/m/NOPE-1");

    expect(res.status).toBe(404);
  });
});
