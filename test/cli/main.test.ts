import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import { runCommand, tempFile } from "./run";

const exec = promisify(execFile);

describe("shop (the command line)", () => {
  test("help lists every command with its usage", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["help"]);

    expect(result.code).toBe(0);
    for (const name of ["migrate", "user:add", "import", "demo", "check"]) {
      expect(result.stdout).toContain(`npm run shop -- ${name}`);
    }
  });

  test("no command at all shows the help", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, []);

    expect(result.stdout).toContain("ShopPass commands:");
  });

  test("an unknown command is a message and exit code 1", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["frobnicate"]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Unknown command "frobnicate". Try: npm run shop -- help\n',
    });
  });

  test("migrate opens the database and says it is up to date", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["migrate"]);

    expect(result).toEqual({
      code: 0,
      stdout: "The database at :memory: is up to date.\n",
      stderr: "",
    });
  });

  test("a command that takes no arguments refuses one", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["migrate", "now"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "takes no arguments\nUsage: npm run shop -- migrate\n",
    );
  });

  test("a bad environment variable is named, without a stack trace", async () => {
    const db = openDb(":memory:");
    const config = () => loadConfig({ DATABASE_PATH: ":memory:", PORT: "x" });

    const result = await runCommand(db, ["migrate"], { config });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Bad environment:\n {2}PORT: /);
    expect(result.stderr).not.toMatch(/\bat \w+ \(/);
  });

  test(
    "the real process migrates, imports and checks against a database file",
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "shoppass-cli-"));
      const env = { ...process.env, DATABASE_PATH: join(dir, "shop.db") };
      const shop = (...args: string[]) =>
        exec("npx", ["tsx", "src/cli/main.ts", ...args], { env });
      const file = tempFile(
        "students.csv",
        "student_number,first_name,last_name,email\nS1001,Ava,Nguyen,a@x.edu\n",
      );

      const imported = await shop("import", "students", file);
      const checked = await shop(
        "check",
        "S1001",
        "--at",
        "2026-12-03",
        "--json",
      );
      const unknown = await shop("check", "S9999").catch((e) => e);

      expect(imported.stdout).toBe(
        "Imported students: 1 created, 0 updated, 0 unchanged.\n",
      );
      expect(JSON.parse(checked.stdout)).toEqual({
        student: "S1001",
        at: "2026-12-03",
        machines: [],
      });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe("There is no student with number S9999.\n");
    },
  );
});
