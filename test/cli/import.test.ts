import { describe, expect, test } from "vitest";
import { openDb } from "../../src/db/client";
import { students } from "../../src/db/schema";
import { runCommand, tempFile } from "./run";

const GOOD =
  "\ufeffstudent_number,first_name,last_name,email\n" +
  "S1001,Ava,Nguyen,ava@students.example.edu\n" +
  'S1002,Kofi,"Okafor, Jr.",kofi@students.example.edu\n';

describe("shop import", () => {
  test("prints how many records were created, updated and unchanged", async () => {
    const db = openDb(":memory:");
    const file = tempFile("students.csv", GOOD);

    const first = await runCommand(db, ["import", "students", file]);
    const second = await runCommand(db, ["import", "students", file]);

    expect(first).toEqual({
      code: 0,
      stdout: "Imported students: 2 created, 0 updated, 0 unchanged.\n",
      stderr: "",
    });
    expect(second.stdout).toBe(
      "Imported students: 0 created, 0 updated, 2 unchanged.\n",
    );
  });

  test("--dry-run prints the counts and writes nothing", async () => {
    const db = openDb(":memory:");
    const file = tempFile("students.csv", GOOD);

    const result = await runCommand(db, [
      "import",
      "students",
      file,
      "--dry-run",
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "Dry run of students, nothing written: would create 2, update 0, " +
        "leave 0 unchanged.\n",
    );
    expect(db.select().from(students).all()).toEqual([]);
  });

  test("bad rows print line, column and problem each, exit 1, write nothing", async () => {
    const db = openDb(":memory:");
    const file = tempFile(
      "students.csv",
      "student_number,first_name,last_name,email\n" +
        "S1001,Ava,Nguyen,ava@students.example.edu\n" +
        'S1002,"Kofi\nKwame",,kofi\n' +
        "S1001,Ava,Again,other@students.example.edu\n",
    );

    const result = await runCommand(db, ["import", "students", file]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        "line 3: last_name: is empty",
        "line 3: email: is not an email address",
        "line 5: student_number: repeats line 2",
        `3 errors in ${file}; nothing was written.`,
        "",
      ].join("\n"),
    );
    expect(db.select().from(students).all()).toEqual([]);
  });

  test("a missing file is a message, not a stack trace", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["import", "badges", "/nope/x.csv"]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "Cannot read /nope/x.csv: there is no such file\n",
    });
  });

  test("an unknown kind of record is refused with the usage line", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["import", "teachers", "x.csv"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "what to import must be one of badges, machines, students, awards\n" +
        "Usage: npm run shop -- import badges|machines|students|awards " +
        "FILE.csv [--dry-run]\n",
    );
  });
});
