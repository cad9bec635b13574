import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, createUser, signIn } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { csvText } from "./support";

describe("student record report", () => {
  it("shows every award, the holds and the clearance per machine, with a signature line", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const sam = await createUser(t.db, "staff", { name: "Sam Assessor" });
    const safety = makeBadge(t.db, {
      slug: "shop-safety",
      name: "Shop Safety",
    });
    const mig = makeBadge(t.db, {
      slug: "mig",
      name: "MIG Skills",
      track: "welding-mig",
    });
    makeMachine(t.db, { code: "SAW-01", requirement: "shop-safety" });
    makeMachine(t.db, { code: "MIG-01", requirement: "mig" });
    const ada = makeStudent(t.db, {
      number: "S777",
      firstName: "Ada",
      lastName: "Lovelace",
    });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: safety.id,
      assessorId: sam.id,
      evidence: "Quiz 92%",
    });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: mig.id,
      issuedOn: "2024-01-10",
      expiresOn: "2025-01-10",
    });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: mig.id,
      issuedOn: "2025-02-01",
      revokedAt: new Date("2025-03-01T12:00:00"),
      revokeReason: "Unsafe practice",
    });
    makeHold(t.db, {
      studentId: ada.id,
      scope: "track",
      track: "welding-mig",
      reason: "Talk to the welding lead",
      endsOn: addDays(today(), 20),
    });

    const res = await boss.get("/reports/students/S777");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Student record: Ada Lovelace");
    expect(html).toContain("Sam Assessor");
    expect(html).toContain("Quiz 92%");
    expect(html).toContain("Expired");
    expect(html).toContain("Unsafe practice");
    expect(html).toContain("Track welding-mig");
    expect(html).toContain("Talk to the welding lead");
    expect(html).toMatch(
      /SAW-01 \(Machine \d+\)<\/td><td>Machine Shop<\/td><td><span class="status status-ok">/,
    );
    expect(html).toMatch(/MIG-01 .*status-bad/);
    expect(html).toContain("Signature and date");
  });

  it("answers an unknown student number with a not-found page", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/students/S000");

    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No student has the number S000");
  });

  it("sends the lookup form to the record's own address", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    makeStudent(t.db, { number: "S123" });

    const found = await boss.get("/reports/students?number=s123");
    const missing = await boss.get("/reports/students?number=S999");

    expect(found.status).toBe(303);
    expect(found.headers.get("location")).toBe("/reports/students/s123");
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("No student has the number S999");
  });

  it("exports the award history as CSV named after the student", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const safety = makeBadge(t.db, { name: "Shop Safety" });
    const ada = makeStudent(t.db, { number: "S42" });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: safety.id,
      evidence: 'line one\nline two, "quoted"',
    });

    const res = await boss.get("/reports/students/S42?format=csv");

    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="student-record-S42-${today()}.csv"`,
    );
    const text = await csvText(res);
    expect(text).toContain('"line one\nline two, ""quoted"""');
    const [row] = parse(text, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({ badge: "Shop Safety", status: "current" });
  });
});
