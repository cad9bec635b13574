import { describe, expect, test } from "vitest";
import { testConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import { auditLog, awards, badgeAssessors } from "../../src/db/schema";
import { importCsv } from "../../src/imports/service";
import { createUser } from "../support/app";
import { makeAward, makeBadge, makeStudent } from "../support/factories";

function setup() {
  const db = openDb(":memory:");
  const student = makeStudent(db, { number: "S1001" });
  const lathe = makeBadge(db, {
    slug: "lathe-intermediate-skills",
    track: "lathe",
    validityKind: "annual",
    validityAnnual: "08-31",
  });
  const safety = makeBadge(db, {
    slug: "shop-safety",
    validityKind: "months",
    validityMonths: 12,
  });
  const run = (text: string, dryRun = false) =>
    importCsv(db, testConfig(), { kind: "cli" }, "awards", text, {
      dryRun,
      today: "2026-12-03",
    });
  return { db, run, student, lathe, safety };
}

const HEADER = "student_number,badge,issued_on,expires_on,assessor,evidence";

describe("importing awards", () => {
  test("expiry comes from the badge's rule unless the file gives one", () => {
    const t = setup();
    const text = [
      HEADER,
      "S1001,lathe-intermediate-skills,2026-03-10,,,",
      "S1001,shop-safety,2026-01-31,2026-06-30,,",
    ].join("\n");

    const result = t.run(text);

    expect(result).toMatchObject({ ok: true, counts: { created: 2 } });
    const rows = t.db.select().from(awards).orderBy(awards.id).all();
    expect(rows.map((a) => [a.issuedOn, a.expiresOn, a.source])).toEqual([
      ["2026-03-10", "2026-08-31", "import"],
      ["2026-01-31", "2026-06-30", "import"],
    ]);
  });

  test("an assessor email names a staff account; anything else is a name", async () => {
    const t = setup();
    const staff = await createUser(t.db, "supervisor", {
      email: "rosa@shop.test",
    });
    const text = [
      HEADER,
      "S1001,shop-safety,2026-01-31,,Rosa@Shop.test,",
      'S1001,lathe-intermediate-skills,2026-03-10,,"Alvarez, R.",https://moodle.example.edu/mod/assign/view.php?id=1',
    ].join("\n");

    t.run(text);

    const rows = t.db.select().from(awards).orderBy(awards.id).all();
    expect(rows[0]).toMatchObject({ assessorId: staff.id, assessorName: null });
    expect(rows[1]).toMatchObject({
      assessorId: null,
      assessorName: "Alvarez, R.",
      evidence: "https://moodle.example.edu/mod/assign/view.php?id=1",
    });
  });

  test("a badge that names its assessors refuses anyone else", async () => {
    const t = setup();
    const allowed = await createUser(t.db, "supervisor");
    const other = await createUser(t.db, "supervisor");
    t.db
      .insert(badgeAssessors)
      .values({ badgeId: t.lathe.id, userId: allowed.id })
      .run();

    const result = t.run(
      `${HEADER}\nS1001,lathe-intermediate-skills,2026-03-10,,${other.email},`,
    );

    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          line: 2,
          column: "assessor",
          message: "may not award lathe-intermediate-skills",
        },
      ],
    });
  });

  test("re-importing matches awards by student, badge and issue day", () => {
    const t = setup();
    const text = `${HEADER}\nS1001,shop-safety,2026-01-31,,K. Osei,`;
    t.run(text);
    const auditRows = t.db.select().from(auditLog).all().length;

    const again = t.run(text);
    const renewal = t.run(`${HEADER}\nS1001,shop-safety,2026-11-30,,,`);

    expect(again).toMatchObject({ counts: { unchanged: 1, created: 0 } });
    expect(renewal).toMatchObject({ counts: { created: 1 } });
    expect(t.db.select().from(awards).all()).toHaveLength(2);
    expect(t.db.select().from(auditLog).all()).toHaveLength(auditRows + 1);
  });

  test("a changed expiry updates the matching award, even a manual one", () => {
    const t = setup();
    const award = makeAward(t.db, {
      studentId: t.student.id,
      badgeId: t.safety.id,
      issuedOn: "2026-01-31",
      expiresOn: "2027-01-31",
    });

    const result = t.run(
      `${HEADER}\nS1001,shop-safety,2026-01-31,2026-12-31,,`,
    );

    expect(result).toMatchObject({ counts: { updated: 1 } });
    const row = t.db.select().from(awards).get();
    expect(row).toMatchObject({ id: award.id, expiresOn: "2026-12-31" });
    const audit = t.db.select().from(auditLog).get();
    expect(audit).toMatchObject({
      action: "award.update",
      before: { expiresOn: "2027-01-31" },
      after: { expiresOn: "2026-12-31" },
    });
  });

  test("unknown students, badges and assessors are all reported", () => {
    const t = setup();
    const text = [
      HEADER,
      "S9999,shop-safety,2026-01-31,,,",
      "S1001,mill-basics,2026-01-31,,,",
      "S1001,shop-safety,2026-02-30,,,",
      "S1001,shop-safety,2026-05-01,2026-04-01,nobody@shop.test,",
      "S1001,shop-safety,2027-01-01,,,",
    ].join("\n");

    const result = t.run(text);

    const errors = result.ok ? [] : result.errors;
    expect(
      errors.map((e) => `line ${e.line}: ${e.column}: ${e.message}`),
    ).toEqual([
      "line 2: student_number: is not a known student number",
      "line 3: badge: is not a known badge slug",
      "line 4: issued_on: must be a real date written YYYY-MM-DD",
      "line 5: expires_on: is before issued_on (2026-05-01)",
      "line 6: issued_on: is in the future",
    ]);
    expect(t.db.select().from(awards).all()).toEqual([]);
  });

  test("a year before 1900, like 0000, is refused rather than giving a garbled expiry", () => {
    const t = setup();
    const text = [HEADER, "S1001,shop-safety,0000-01-01,,,"].join("\n");

    const result = t.run(text);

    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          line: 2,
          column: "issued_on",
          message: "must be a real date written YYYY-MM-DD",
        },
      ],
    });
    expect(t.db.select().from(awards).all()).toHaveLength(0);
  });

  test("the same award twice in one file is an error", () => {
    const t = setup();
    const text = [
      HEADER,
      "S1001,shop-safety,2026-01-31,,,",
      "S1001,shop-safety,2026-01-31,,,",
    ].join("\n");

    const result = t.run(text);

    expect(result).toMatchObject({
      ok: false,
      errors: [{ line: 3, column: "issued_on", message: "repeats line 2" }],
    });
  });

  test("a dry run counts new awards without writing them", () => {
    const t = setup();

    const result = t.run(`${HEADER}\nS1001,shop-safety,2026-01-31,,,`, true);

    expect(result).toMatchObject({ dryRun: true, counts: { created: 1 } });
    expect(t.db.select().from(awards).all()).toEqual([]);
  });
});
