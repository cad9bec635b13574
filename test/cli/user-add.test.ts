import { describe, expect, test } from "vitest";
import { verifyPassword } from "../../src/auth/password";
import { openDb } from "../../src/db/client";
import { auditLog, users } from "../../src/db/schema";
import { runCommand } from "./run";

const args = [
  "user:add",
  "--email",
  "Rosa@Shop.test",
  "--name",
  "Rosa Alvarez",
  "--role",
  "supervisor",
];

describe("shop user:add", () => {
  test("adds a staff account with the password read from stdin", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, args, {
      stdin: "a long enough secret\nignored second line\n",
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Added supervisor rosa@shop\.test/);
    const user = db.select().from(users).get()!;
    expect(user).toMatchObject({ email: "rosa@shop.test", role: "supervisor" });
    expect(
      await verifyPassword("a long enough secret", user.passwordHash),
    ).toBe(true);
    const audit = db.select().from(auditLog).get();
    expect(audit).toMatchObject({ action: "user.create", actorKind: "cli" });
  });

  test("a password under 10 characters is refused and nothing is written", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, args, { stdin: "short\n" });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "The password must be at least 10 characters long\n",
    );
    expect(db.select().from(users).all()).toEqual([]);
  });

  test("no line on stdin asks for the password there", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, args);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/one line on standard input/);
  });

  test("an unknown role is refused with the usage line, no stack trace", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(
      db,
      ["user:add", "--email", "a@b.test", "--name", "A", "--role", "owner"],
      { stdin: "a long enough secret\n" },
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "--role must be one of staff, supervisor, admin\n" +
        "Usage: npm run shop -- user:add --email E --name N --role staff|supervisor|admin\n",
    );
  });

  test("an email already in use is a conflict message", async () => {
    const db = openDb(":memory:");
    await runCommand(db, args, { stdin: "a long enough secret\n" });

    const result = await runCommand(db, args, {
      stdin: "another long secret\n",
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "A user with email rosa@shop.test already exists\n",
    );
  });

  test("an unknown option is refused", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, [...args, "--admin"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Unknown option '--admin'/);
    expect(result.stderr).not.toMatch(/\bat \w+ \(/);
  });
});
