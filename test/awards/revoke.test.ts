import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, awards } from "../../src/db/schema";
import { createTestApp, signIn } from "../support/app";
import { makeAward, makeStudent } from "../support/factories";

describe("revoking an award", () => {
  it("marks the award revoked, keeps it, and writes an audit row", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const student = makeStudent(t.db, { number: "S1" });
    const award = makeAward(t.db, { studentId: student.id });

    const res = await supervisor.post(`/awards/${award.id}/revoke`, {
      reason: "Unsafe practice",
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/students/S1");
    const row = t.db
      .select()
      .from(awards)
      .where(eq(awards.id, award.id))
      .get()!;
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(row.revokedBy).toBe(supervisor.id);
    expect(row.revokeReason).toBe("Unsafe practice");
    const audit = t.db.select().from(auditLog).get()!;
    expect(audit.action).toBe("award.revoke");
    const page = await (await supervisor.get("/students/S1")).text();
    expect(page).toContain("Revoked");
    expect(page).toContain("Unsafe practice");
  });

  it("asks for a reason and changes nothing without one", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const award = makeAward(t.db);

    const res = await supervisor.post(`/awards/${award.id}/revoke`, {
      reason: "  ",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Say why the award is revoked");
    const row = t.db.select().from(awards).get()!;
    expect(row.revokedAt).toBeNull();
  });

  it("answers 409 when the award is already revoked", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const award = makeAward(t.db);
    await supervisor.post(`/awards/${award.id}/revoke`, { reason: "First" });

    const res = await supervisor.post(`/awards/${award.id}/revoke`, {
      reason: "Second",
    });

    expect(res.status).toBe(409);
    expect(await res.text()).toContain("already been revoked");
    const row = t.db.select().from(awards).get()!;
    expect(row.revokeReason).toBe("First");
  });

  it("shows a confirm page, and 404 for an unknown award", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    const award = makeAward(t.db);

    const page = await supervisor.get(`/awards/${award.id}/revoke`);
    const missing = await supervisor.get("/awards/999/revoke");
    const garbage = await supervisor.post("/awards/abc/revoke", {
      reason: "x",
    });

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="reason"');
    expect(missing.status).toBe(404);
    expect(garbage.status).toBe(404);
  });

  it("does not let staff revoke", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const award = makeAward(t.db);

    const res = await staff.post(`/awards/${award.id}/revoke`, {
      reason: "No",
    });

    expect(res.status).toBe(403);
    expect(t.db.select().from(awards).get()!.revokedAt).toBeNull();
  });
});
