import { describe, expect, test } from "vitest";
import { openDb } from "../../src/db/client";
import {
  makeAward,
  makeBadge,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { runCommand } from "./run";

function setup() {
  const db = openDb(":memory:");
  const student = makeStudent(db, { number: "S1001" });
  const lathe = makeBadge(db, {
    slug: "lathe-intermediate-skills",
    name: "Lathe Intermediate Skills",
    track: "lathe",
    type: "skills",
    level: "intermediate",
    validityKind: "annual",
    validityAnnual: "08-31",
  });
  makeAward(db, {
    studentId: student.id,
    badgeId: lathe.id,
    issuedOn: "2025-09-10",
    expiresOn: "2026-08-31",
  });
  makeMachine(db, {
    code: "LATHE-02",
    area: "Machine Shop",
    requirement: "lathe-intermediate-skills",
  });
  makeMachine(db, { code: "DRILL-01", area: "Machine Shop" });
  return { db };
}

describe("shop check", () => {
  test("--json prints the clearance of one machine in the documented shape", async () => {
    const t = setup();

    const result = await runCommand(t.db, [
      "check",
      "S1001",
      "LATHE-02",
      "--at",
      "2026-12-03",
      "--json",
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '{"student":"S1001","at":"2026-12-03","machines":[{"machine":"LATHE-02",' +
        '"cleared":false,"reasons":[{"code":"expired","badge":' +
        '"lathe-intermediate-skills","message":"Lathe Intermediate Skills ' +
        'expired on 2026-08-31"}]}]}\n',
    );
  });

  test("without a machine code it checks every machine", async () => {
    const t = setup();

    const result = await runCommand(t.db, [
      "check",
      "S1001",
      "--at",
      "2026-06-01",
      "--json",
    ]);

    const body = JSON.parse(result.stdout);
    expect(body.machines).toEqual([
      { machine: "DRILL-01", cleared: true, reasons: [] },
      { machine: "LATHE-02", cleared: true, reasons: [] },
    ]);
  });

  test("the table names each machine, yes or no, and why not", async () => {
    const t = setup();

    const result = await runCommand(t.db, [
      "check",
      "S1001",
      "--at",
      "2026-12-03",
    ]);

    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("S1001 on 2026-12-03: cleared for 1 of 2 machines");
    expect(lines).toContain("DRILL-01  Machine Shop  yes");
    expect(lines).toContain(
      "LATHE-02  Machine Shop  no       Lathe Intermediate Skills expired on 2026-08-31",
    );
  });

  test("the machine code may be typed in lower case", async () => {
    const t = setup();

    const result = await runCommand(t.db, ["check", "S1001", "lathe-02"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("LATHE-02");
  });

  test("an unknown student is a message on stderr and exit code 1", async () => {
    const t = setup();

    const result = await runCommand(t.db, ["check", "S9999", "--json"]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "There is no student with number S9999.\n",
    });
  });

  test("an unknown machine is a message on stderr and exit code 1", async () => {
    const t = setup();

    const result = await runCommand(t.db, ["check", "S1001", "MILL-09"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe("There is no machine with code MILL-09.\n");
  });

  test("a bad --at date is refused with the usage line", async () => {
    const t = setup();

    const result = await runCommand(t.db, [
      "check",
      "S1001",
      "--at",
      "2026-13-01",
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--at must be a date written YYYY-MM-DD");
    expect(result.stderr).toContain(
      "Usage: npm run shop -- check STUDENT_NUMBER",
    );
  });
});
