import { describe, expect, it } from "vitest";
import { resolveCredential } from "../../src/credentials/service";
import { openDb } from "../../src/db/client";
import { authenticateDevice } from "../../src/devices/service";
import { testConfig } from "../../src/config";
import { makeMachine, makeStudent } from "../support/factories";
import { runCommand } from "../cli/run";

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1)!;

describe("shop credential", () => {
  it("prints the student's QR payload URL as the last line", async () => {
    const db = openDb(":memory:");
    const student = makeStudent(db, { number: "S1001" });

    const first = await runCommand(db, ["credential", "S1001"]);
    const again = await runCommand(db, ["credential", "S1001"]);

    expect(first.code).toBe(0);
    const url = lastLine(first.stdout);
    expect(url).toMatch(/^http:\/\/shop\.test\/s\/[A-Za-z0-9_-]{43}$/);
    expect(lastLine(again.stdout)).toBe(url);
    expect(resolveCredential(db, testConfig(), url)).toEqual({
      kind: "token",
      studentId: student.id,
    });
  });

  it("replaces a lost card: the old URL fails and a new one works", async () => {
    const db = openDb(":memory:");
    makeStudent(db, { number: "S1001" });
    const old = lastLine(
      (await runCommand(db, ["credential", "S1001"])).stdout,
    );

    const res = await runCommand(db, ["credential", "S1001", "--replace"]);

    expect(res.code).toBe(0);
    const fresh = lastLine(res.stdout);
    expect(fresh).not.toBe(old);
    expect(resolveCredential(db, testConfig(), old).kind).toBe("replaced");
    expect(resolveCredential(db, testConfig(), fresh).kind).toBe("token");
  });

  it("says so for an unknown student and exits 1", async () => {
    const db = openDb(":memory:");

    const res = await runCommand(db, ["credential", "S404"]);

    expect(res.code).toBe(1);
    expect(res.stderr).toContain("There is no student with number S404");
  });
});

describe("shop device:add", () => {
  it("registers a pinned interlock and prints its secret as the last line", async () => {
    const db = openDb(":memory:");
    const machine = makeMachine(db, { code: "LATHE-02", area: "Lathes" });

    const res = await runCommand(db, [
      "device:add",
      "--name",
      "Lathe 2 interlock",
      "--kind",
      "interlock",
      "--machine",
      "LATHE-02",
    ]);

    expect(res.code).toBe(0);
    expect(authenticateDevice(db, lastLine(res.stdout))).toMatchObject({
      kind: "device",
      machineId: machine.id,
      area: "Lathes",
      deviceKind: "interlock",
    });
  });

  it("registers a kiosk for an area and tells how to pair it", async () => {
    const db = openDb(":memory:");

    const res = await runCommand(db, [
      "device:add",
      "--name=Front desk",
      "--kind=kiosk",
      "--area=Machine Shop",
    ]);

    expect(res.code).toBe(0);
    expect(res.stdout).toContain("http://shop.test/kiosk/pair?secret=SECRET");
    expect(authenticateDevice(db, lastLine(res.stdout))?.area).toBe(
      "Machine Shop",
    );
  });

  it("refuses a bad kind, a missing name and an unknown machine", async () => {
    const db = openDb(":memory:");

    const kind = await runCommand(db, [
      "device:add",
      "--name=X",
      "--kind=toaster",
    ]);
    const name = await runCommand(db, ["device:add", "--kind=kiosk"]);
    const machine = await runCommand(db, [
      "device:add",
      "--name=X",
      "--kind=interlock",
      "--machine=NOPE-1",
    ]);

    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain("--kind: Choose kiosk or interlock");
    expect(name.code).toBe(1);
    expect(name.stderr).toContain("--name is required");
    expect(machine.code).toBe(1);
    expect(machine.stderr).toContain("There is no machine NOPE-1");
  });
});
