import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  credentialUrl,
  currentCredentialToken,
  resolveCredential,
} from "../../src/credentials/service";
import { auditLog } from "../../src/db/schema";
import { today } from "../../src/lib/dates";
import { createTestApp, signIn, type TestApp } from "../support/app";
import { makeStudent } from "../support/factories";

function tokenOf(t: TestApp, studentId: number) {
  return currentCredentialToken(t.db, t.config, studentId);
}

describe("a student's card", () => {
  it("shows staff the shop, the student's name and number, the QR code and the date", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const student = makeStudent(t.db, {
      firstName: "Maya",
      lastName: "Okafor",
    });

    const res = await staff.get(`/students/${student.number}/card`);

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Student Prototyping Shop — ShopPass");
    expect(html).toContain('<p class="card-name">Maya Okafor</p>');
    expect(html).toContain(`<p class="card-number">${student.number}</p>`);
    expect(html).toContain(`Printed ${today()}`);
    expect(html).toMatch(/<div class="card-qr"[^>]*><svg [^>]*viewBox/);
    expect(html).not.toMatch(/<svg[^>]* style=/);
    expect(html).toContain('href="/public/card.css"');
  });

  it("sends a visitor without a session to the login page", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db);

    const res = await t.app.request(`/students/${student.number}/card`);

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("answers an unknown student number with a 404", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    const res = await staff.get("/students/S0000000/card");

    expect(res.status).toBe(404);
  });

  it("offers the student their own card behind the secret link", async () => {
    const t = createTestApp();
    const student = makeStudent(t.db, {
      firstName: "Maya",
      lastName: "Okafor",
    });
    const token = tokenOf(t, student.id);

    const res = await t.app.request(`/s/${token}/card`);

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).toContain("Maya Okafor");
    expect(html).toContain(`href="/s/${token}"`);
  });
});

describe("replacing a lost card", () => {
  it("asks a supervisor to confirm first", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db);

    const res = await supervisor.get(
      `/students/${student.number}/card/replace`,
    );

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("stops working at once");
    expect(html).toContain(`action="/students/${student.number}/card/replace"`);
    expect(html).toContain('name="_csrf"');
  });

  it("is refused to plain staff", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const student = makeStudent(t.db);
    const token = tokenOf(t, student.id);

    const page = await staff.get(`/students/${student.number}/card/replace`);
    const post = await staff.post(
      `/students/${student.number}/card/replace`,
      {},
    );

    expect(page.status).toBe(403);
    expect(post.status).toBe(403);
    expect(tokenOf(t, student.id)).toBe(token);
  });

  it("is refused without the CSRF token", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db);
    const token = tokenOf(t, student.id);

    const res = await t.app.request(
      `/students/${student.number}/card/replace`,
      {
        method: "POST",
        headers: { cookie: supervisor.cookie },
      },
    );

    expect(res.status).toBe(403);
    expect(tokenOf(t, student.id)).toBe(token);
  });

  it("kills the old card at once and offers the new one for printing", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db);
    const old = tokenOf(t, student.id);

    const res = await supervisor.post(
      `/students/${student.number}/card/replace`,
      {},
    );

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/students/${student.number}/card?replaced=1`,
    );
    const fresh = tokenOf(t, student.id);
    expect(fresh).not.toBe(old);
    expect((await t.app.request(`/s/${old}`)).status).toBe(404);
    expect((await t.app.request(`/s/${old}/card`)).status).toBe(404);
    const scanned = resolveCredential(
      t.db,
      t.config,
      credentialUrl(t.config, old),
    );
    expect(scanned.kind).toBe("replaced");
    const audit = t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "credential.replace"),
          eq(auditLog.entityId, String(student.id)),
        ),
      )
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(supervisor.id);

    const page = await supervisor.get(res.headers.get("location")!);

    const html = await page.text();
    expect(html).toContain("A new card was issued");
    expect(html).toContain("Print");
  });
});
