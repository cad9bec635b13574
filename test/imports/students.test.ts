import { describe, expect, test } from "vitest";
import { testConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import { auditLog, studentCredentials, students } from "../../src/db/schema";
import { importCsv } from "../../src/imports/service";
import { makeStudent } from "../support/factories";

function setup() {
  const db = openDb(":memory:");
  const run = (text: string, dryRun = false) =>
    importCsv(db, testConfig(), { kind: "cli" }, "students", text, {
      dryRun,
    });
  return { db, run };
}

const GOOD = [
  "email,student_number,last_name,first_name",
  "Ava.Nguyen@Students.Example.edu,S1001,Nguyen,Ava",
  '"okafor@students.example.edu",S1002,"Okafor, Jr.",Kofi',
].join("\n");

describe("importing students", () => {
  test("a good file creates students with lower-case emails, active by default", () => {
    const t = setup();

    const result = t.run(GOOD);

    expect(result).toMatchObject({ ok: true, counts: { created: 2 } });
    const rows = t.db.select().from(students).orderBy(students.number).all();
    expect(rows.map((s) => [s.number, s.email, s.lastName, s.status])).toEqual([
      ["S1001", "ava.nguyen@students.example.edu", "Nguyen", "active"],
      ["S1002", "okafor@students.example.edu", "Okafor, Jr.", "active"],
    ]);
  });

  test("each new student gets a QR credential and an audit row", () => {
    const t = setup();

    t.run(GOOD);

    expect(t.db.select().from(studentCredentials).all()).toHaveLength(2);
    const actions = t.db
      .select()
      .from(auditLog)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(["student.create", "student.create"]);
  });

  test("importing the same file again changes nothing, credentials included", () => {
    const t = setup();
    t.run(GOOD);

    const result = t.run(GOOD);

    expect(result).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(t.db.select().from(studentCredentials).all()).toHaveLength(2);
    expect(t.db.select().from(auditLog).all()).toHaveLength(2);
  });

  test("a row with a new status or name updates the student", () => {
    const t = setup();
    t.run(GOOD);
    const text = [
      "student_number,first_name,last_name,email,status",
      "S1001,Ava,Nguyen-Smith,ava.nguyen@students.example.edu,inactive",
    ].join("\n");

    const result = t.run(text);

    expect(result).toMatchObject({ counts: { updated: 1 } });
    const ava = t.db.select().from(students).all()[0];
    expect(ava).toMatchObject({ lastName: "Nguyen-Smith", status: "inactive" });
  });

  test("emails are unique whatever their case, in the file and in the shop", () => {
    const t = setup();
    makeStudent(t.db, { number: "S0999", email: "taken@students.example.edu" });
    const text = [
      "student_number,first_name,last_name,email",
      "S1001,Ava,Nguyen,ava@students.example.edu",
      "S1002,Ava,Other,AVA@students.example.edu",
      "S1003,Kofi,Okafor,Taken@Students.Example.edu",
      "S1001,Ava,Again,again@students.example.edu",
      "S1004,Mei,Chen,not-an-email",
    ].join("\n");

    const result = t.run(text);

    const errors = result.ok ? [] : result.errors;
    expect(
      errors.map((e) => `line ${e.line}: ${e.column}: ${e.message}`),
    ).toEqual([
      "line 3: email: repeats line 2",
      "line 4: email: is already the email of student S0999",
      "line 5: student_number: repeats line 2",
      "line 6: email: is not an email address",
    ]);
    expect(t.db.select().from(students).all()).toHaveLength(1);
  });

  test("a dry run counts without creating students or credentials", () => {
    const t = setup();

    const result = t.run(GOOD, true);

    expect(result).toMatchObject({ dryRun: true, counts: { created: 2 } });
    expect(t.db.select().from(students).all()).toEqual([]);
    expect(t.db.select().from(studentCredentials).all()).toEqual([]);
  });
});
