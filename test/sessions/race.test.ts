import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isNull } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { testConfig } from "../../src/config";
import { openDb, type Db } from "../../src/db/client";
import { machineSessions } from "../../src/db/schema";
import { createLogger } from "../../src/lib/logger";
import { apiCall } from "../api/helpers";
import { createTestApp } from "../support/app";
import { makeClearedStudent, makeDevice, makeShop } from "./shop";

// A child process with its own connection; see race-worker.ts.
function startWorker(dbPath: string, cards: string[]) {
  const worker = join(import.meta.dirname, "race-worker.ts");
  const tsx = join(import.meta.dirname, "../../node_modules/.bin/tsx");
  const child = spawn(tsx, [worker, dbPath, "LATHE-02", ...cards]);
  const lines: string[] = [];
  let stderr = "";
  let ready!: () => void;
  let done!: (results: string[]) => void;
  let fail!: (error: Error) => void;
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    lines.push(...chunk.split("\n").filter(Boolean));
    if (lines[0] === "ready") ready();
    if (lines[1]) done(JSON.parse(lines[1]) as string[]);
  });
  child.on("exit", (code) => {
    if (code !== 0) fail(new Error(`worker exited ${code}: ${stderr}`));
  });
  const failed = new Promise<never>((_, reject) => (fail = reject));
  return {
    ready: Promise.race([
      new Promise<void>((resolve) => (ready = resolve)),
      failed,
    ]),
    done: Promise.race([
      new Promise<string[]>((resolve) => (done = resolve)),
      failed,
    ]),
    go: () => child.stdin.write("go\n"),
  };
}
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true });
});

function fileApp() {
  const dir = mkdtempSync(join(tmpdir(), "shoppass-race-"));
  dirs.push(dir);
  const path = join(dir, "shop.db");
  const db = openDb(path);
  const config = testConfig({ databasePath: path });
  const app = createApp({ db, config, logger: createLogger("silent") });
  return { app, db, config, path };
}

function openSessions(db: Db) {
  return db
    .select()
    .from(machineSessions)
    .where(isNull(machineSessions.endedAt))
    .all();
}

async function raceFiftyThroughTheApi(t: ReturnType<typeof fileApp>) {
  const shop = makeShop(t);
  const { secret } = makeDevice(t.db, { kind: "interlock" });
  const cards = Array.from(
    { length: 50 },
    () => makeClearedStudent(t, shop.safety.id).card,
  );

  const responses = await Promise.all(
    cards.map((credential) =>
      apiCall(t.app, secret, "POST", "/sessions", {
        machine: "LATHE-02",
        credential,
      }),
    ),
  );
  return responses.map((r) => r.status).sort();
}

describe("fifty sign-ins racing for a one-seat machine", () => {
  it("end with exactly one open session (in-memory database)", async () => {
    const t = { ...createTestApp(), path: ":memory:" };

    const statuses = await raceFiftyThroughTheApi(t);

    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(openSessions(t.db)).toHaveLength(1);
  });

  it("end with exactly one open session (SQLite file)", async () => {
    const t = fileApp();

    const statuses = await raceFiftyThroughTheApi(t);

    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(openSessions(t.db)).toHaveLength(1);
  });

  it("end with exactly one open session across processes on one file", async () => {
    const t = fileApp();
    const shop = makeShop(t);
    const cards = Array.from(
      { length: 48 },
      () => makeClearedStudent(t, shop.safety.id).card,
    );
    const workers = [0, 1, 2].map((i) =>
      startWorker(t.path, cards.slice(i * 16, i * 16 + 16)),
    );
    await Promise.all(workers.map((w) => w.ready));

    for (const w of workers) w.go();
    const results = (await Promise.all(workers.map((w) => w.done))).flat();

    expect(results.filter((r) => r === "in")).toHaveLength(1);
    expect(results.filter((r) => r === "occupied")).toHaveLength(47);
    expect(openSessions(t.db)).toHaveLength(1);
  }, 60_000);
});
