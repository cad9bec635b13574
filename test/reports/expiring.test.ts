import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import { makeAward, makeBadge, makeStudent } from "../support/factories";
import { csvText } from "./support";

describe("expiring badges report", () => {
  it("groups awards expiring within 30 days by badge, with emails", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const mig = makeBadge(t.db, { name: "MIG Welding Skills" });
    const lathe = makeBadge(t.db, { name: "Lathe Skills" });
    const ada = makeStudent(t.db, { lastName: "Ada", email: "ada@uni.test" });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: mig.id,
      expiresOn: addDays(today(), 10),
    });
    const bob = makeStudent(t.db, { lastName: "Bob", email: "bob@uni.test" });
    makeAward(t.db, {
      studentId: bob.id,
      badgeId: lathe.id,
      expiresOn: addDays(today(), 30),
    });
    const late = makeStudent(t.db, { lastName: "Late" });
    makeAward(t.db, {
      studentId: late.id,
      badgeId: lathe.id,
      expiresOn: addDays(today(), 31),
    });
    const gone = makeStudent(t.db, { lastName: "Gone" });
    makeAward(t.db, {
      studentId: gone.id,
      badgeId: lathe.id,
      expiresOn: addDays(today(), -1),
    });

    const res = await boss.get("/reports/expiring");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Expiring badges");
    expect(html).toContain(`30 days from ${today()}`);
    expect(html).toMatch(/<h2 id="badge-0">Lathe Skills<\/h2>/);
    expect(html).toContain("ada@uni.test");
    expect(html).toContain("bob@uni.test");
    expect(html).not.toContain("Late, ");
    expect(html).not.toContain("Gone, ");
  });

  it("leaves out awards already renewed, revoked, or of inactive students", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const badge = makeBadge(t.db, { name: "Shop Safety" });
    const renewed = makeStudent(t.db, { lastName: "Renewed" });
    makeAward(t.db, {
      studentId: renewed.id,
      badgeId: badge.id,
      expiresOn: addDays(today(), 5),
    });
    makeAward(t.db, {
      studentId: renewed.id,
      badgeId: badge.id,
      expiresOn: addDays(today(), 365),
    });
    const revoked = makeStudent(t.db, { lastName: "Revoked" });
    makeAward(t.db, {
      studentId: revoked.id,
      badgeId: badge.id,
      expiresOn: addDays(today(), 5),
      revokedAt: new Date(),
    });
    const inactive = makeStudent(t.db, {
      lastName: "Inactive",
      status: "inactive",
    });
    makeAward(t.db, {
      studentId: inactive.id,
      badgeId: badge.id,
      expiresOn: addDays(today(), 5),
    });

    const res = await boss.get("/reports/expiring?days=60");

    const html = await res.text();
    expect(html).toContain("Nothing expires in this window.");
  });

  it("explains a window that is not a whole number of days", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/expiring?days=abc");

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter a whole number from 1 to 365");
    expect(html).toContain('value="abc"');
  });

  it("exports the expiring awards as CSV", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const badge = makeBadge(t.db, { name: "Shop Safety, level 1" });
    const ada = makeStudent(t.db, { lastName: "+Ada", email: "ada@uni.test" });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: badge.id,
      expiresOn: addDays(today(), 3),
      assessorName: "=cmd|' /C calc'!A0",
    });

    const res = await boss.get("/reports/expiring?days=7&format=csv");

    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="expiring-${today()}.csv"`,
    );
    const text = await csvText(res);
    expect(text).toContain('"Shop Safety, level 1"');
    const [row] = parse(text, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({
      last_name: "'+Ada",
      email: "ada@uni.test",
      days_left: "3",
      assessor: "'=cmd|' /C calc'!A0",
    });
  });
});
