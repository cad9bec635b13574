// npm run bench:reports
// Fills a temporary SQLite file with 50,000 students, 300,000 awards, 200
// machines, 1,000,000 sessions and 100,000 decisions, then times each
// report with its default filters through the real app (p50 of several
// runs), and streams the usage CSV of every session while sampling the
// process's memory. It prints figures; it never asserts times.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../../src/app";
import { computeExpiry } from "../../src/clearance/rules";
import { testConfig } from "../../src/config";
import { openDb, type Db } from "../../src/db/client";
import { addDays, today, type Day } from "../../src/lib/dates";
import { createLogger } from "../../src/lib/logger";
import { sha256 } from "../../src/lib/tokens";

// BENCH_SCALE=0.1 gives a quick smaller run; the figures use 1.
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const STUDENTS = Math.round(50_000 * SCALE);
const AWARDS = Math.round(300_000 * SCALE);
const MACHINES = 200;
const SESSIONS = Math.round(1_000_000 * SCALE);
const DECISIONS = Math.round(100_000 * SCALE);
const HOLDS = Math.round(1_000 * SCALE);
const RUNS = 7;
const TODAY = today();
const DAY_MS = 86_400_000;
const COOKIE = "bench-session-0123456789abcdef0123456789";

// mulberry32: small, deterministic, and well spread (a plain LCG in
// floating point loses bits and repeats itself).
let seed = 7;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const int = (n: number) => 1 + Math.floor(random() * n);

const TRACKS = [
  "welding-mig",
  "welding-tig",
  "lathe",
  "mill",
  "mastercam",
  "laser",
  "cnc-router",
];
const AREAS = [
  "Machine Shop",
  "Welding Bay",
  "CNC Lab",
  "Fab Lab",
  "Wood Shop",
];
const LADDER = [
  ["knowledge", "introductory"],
  ["skills", "introductory"],
  ["skills", "intermediate"],
  ["skills", "advanced"],
  ["experience", "advanced"],
] as const;

type Badge = {
  id: number;
  slug: string;
  validityKind: "never" | "months" | "annual";
  validityMonths: number | null;
  validityAnnual: string | null;
};

function fill(db: Db) {
  const sqlite = db.$client;
  const badges: Badge[] = [];
  const insertBadge = sqlite.prepare(
    `insert into badges (slug, name, track, type, level, validity_kind,
       validity_months, validity_annual, lapse_unused_months)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addBadge = (
    track: string,
    type: string,
    level: string,
    validity: Omit<Badge, "id" | "slug">,
    lapse: number | null,
  ) => {
    const slug = track === "shop-safety" ? track : `${track}-${level}-${type}`;
    const name = `${track} ${level} ${type}`;
    const { lastInsertRowid } = insertBadge.run(
      slug,
      name,
      track,
      type,
      level,
      validity.validityKind,
      validity.validityMonths,
      validity.validityAnnual,
      lapse,
    );
    badges.push({ id: Number(lastInsertRowid), slug, ...validity });
  };

  const annual = {
    validityKind: "annual",
    validityMonths: null,
    validityAnnual: "08-31",
  } as const;
  addBadge("shop-safety", "knowledge", "introductory", annual, null);
  for (const track of TRACKS) {
    for (const [type, level] of LADDER) {
      const validity =
        type === "knowledge"
          ? ({
              validityKind: "never",
              validityMonths: null,
              validityAnnual: null,
            } as const)
          : ({
              validityKind: "months",
              validityMonths: 24,
              validityAnnual: null,
            } as const);
      addBadge(track, type, level, validity, track === "mastercam" ? 12 : null);
    }
  }

  const insertMachine = sqlite.prepare(
    `insert into machines (code, name, area, in_service, requirement)
     values (?, ?, ?, ?, ?)`,
  );
  for (let i = 1; i <= MACHINES; i += 1) {
    const track = TRACKS[i % TRACKS.length]!;
    const requirement =
      i % 3 === 0
        ? `shop-safety & ${track}-intermediate-skills`
        : i % 3 === 1
          ? `shop-safety & (${track}-introductory-skills | ${track}-introductory-knowledge)`
          : `shop-safety & ${track}-advanced-skills`;
    insertMachine.run(
      `${track.toUpperCase()}-${String(i).padStart(3, "0")}`,
      `${track} machine ${i}`,
      AREAS[i % AREAS.length],
      i % 40 === 0 ? 0 : 1,
      requirement,
    );
  }

  const insertStudent = sqlite.prepare(
    `insert into students (student_number, first_name, last_name, email, status)
     values (?, ?, ?, ?, ?)`,
  );
  for (let i = 1; i <= STUDENTS; i += 1) {
    insertStudent.run(
      `S${100000 + i}`,
      pick(["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"]),
      `Student${i}`,
      `s${i}@uni.test`,
      i % 50 === 0 ? "inactive" : "active",
    );
  }

  const insertUser = sqlite.prepare(
    `insert into users (email, name, role, password_hash) values (?, ?, ?, 'x')`,
  );
  for (let i = 1; i <= 20; i += 1) {
    insertUser.run(`assessor${i}@shop.test`, `Assessor ${i}`, "staff");
  }

  // Shop safety is renewed every year: nine in ten students took it at
  // some point, seven in ten renewed it this school year. The other awards
  // are spread over the track badges, issued in the last four years.
  const insertAward = sqlite.prepare(
    `insert into awards (student_id, badge_id, issued_on, expires_on,
       assessor_id, revoked_at, revoke_reason) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const award = (studentId: number, badge: Badge, withinDays = 4 * 365) => {
    const issuedOn = addDays(TODAY, -int(withinDays));
    const revoked = random() < 0.03;
    insertAward.run(
      studentId,
      badge.id,
      issuedOn,
      computeExpiry(badge, issuedOn),
      int(20),
      revoked ? Date.now() - int(300) * DAY_MS : null,
      revoked ? "Unsafe practice" : null,
    );
  };
  let awards = 0;
  for (let s = 1; s <= STUDENTS && awards < AWARDS; s += 1) {
    if (random() < 0.9) {
      award(s, badges[0]!);
      awards += 1;
    }
    if (random() < 0.7) {
      award(s, badges[0]!, 60);
      awards += 1;
    }
  }
  while (awards < AWARDS) {
    award(int(STUDENTS), badges[int(badges.length - 1)]!);
    awards += 1;
  }

  const insertHold = sqlite.prepare(
    `insert into holds (student_id, scope, machine_id, track, reason, starts_on)
     values (?, ?, ?, ?, 'Safety review', ?)`,
  );
  for (let i = 0; i < HOLDS; i += 1) {
    const scope = pick(["all", "machine", "track"] as const);
    insertHold.run(
      int(STUDENTS),
      scope,
      scope === "machine" ? int(MACHINES) : null,
      scope === "track" ? pick(TRACKS) : null,
      addDays(TODAY, -int(200)),
    );
  }

  // A million sessions over two years, 15 minutes to 3 hours each.
  const insertSession = sqlite.prepare(
    `insert into machine_sessions (id, machine_id, student_id, started_at,
       ended_at, end_kind) values (?, ?, ?, ?, ?, 'scan')`,
  );
  const now = Date.now();
  for (let i = 0; i < SESSIONS; i += 1) {
    const start = now - Math.floor(random() * 730 * DAY_MS);
    const end = start + (15 + int(165)) * 60_000;
    insertSession.run(randomUUID(), int(MACHINES), int(STUDENTS), start, end);
  }

  const insertDecision = sqlite.prepare(
    `insert into decisions (at, machine_id, student_id, action, granted,
       reason_codes, credential_kind) values (?, ?, ?, ?, ?, ?, 'token')`,
  );
  const codes = [
    '["missing"]',
    '["expired"]',
    '["hold"]',
    '["missing","expired"]',
    '["occupied"]',
  ];
  for (let i = 0; i < DECISIONS; i += 1) {
    const denied = random() < 0.2;
    insertDecision.run(
      now - Math.floor(random() * 730 * DAY_MS),
      int(MACHINES),
      int(STUDENTS),
      "sign-in",
      denied ? 0 : 1,
      denied ? pick(codes) : "[]",
    );
  }

  // A supervisor's session for the requests.
  const { lastInsertRowid } = insertUser.run(
    "boss@shop.test",
    "Bench Boss",
    "supervisor",
  );
  sqlite
    .prepare(
      `insert into auth_sessions (id_hash, user_id, expires_at) values (?, ?, ?)`,
    )
    .run(sha256(COOKIE), Number(lastInsertRowid), now + 30 * DAY_MS);
}

// A fixed loop, printed with the figures so that runs on machines of
// different speed or load can be compared with each other.
function calibrate(): string {
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < 1e8; i += 1) sum += i % 7;
  const ms = performance.now() - t0;
  return `calibration: a 1e8-step loop took ${ms.toFixed(0)} ms (checksum ${sum % 10}); load average ${os.loadavg()[0]!.toFixed(1)}`;
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// The database is filled by a child process, so the memory figures below
// are those of a server that only opened the file. BENCH_DB=path keeps
// (and reuses) the file between runs.
function fillInChild(file: string) {
  const t0 = performance.now();
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, script, "--fill", file],
    { stdio: "inherit" },
  );
  if (child.status !== 0) throw new Error("filling the database failed");
  console.log(
    `filled ${STUDENTS} students, ${AWARDS} awards, ${MACHINES} machines, ` +
      `${SESSIONS} sessions, ${DECISIONS} decisions in ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s ` +
      `(${(statSync(file).size / 1e6).toFixed(0)} MB file)`,
  );
}

async function main() {
  const kept = process.env.BENCH_DB;
  const dir = kept ? null : mkdtempSync(join(os.tmpdir(), "shoppass-bench-"));
  const file = kept ?? join(dir!, "bench.db");
  if (!existsSync(file)) fillInChild(file);
  const db = openDb(file);
  const cookie = `shoppass_session=${COOKIE}`;
  let t0 = 0;

  const app = createApp({
    db,
    config: testConfig({ databasePath: file }),
    logger: createLogger("silent"),
  });
  const get = (path: string) => app.request(path, { headers: { cookie } });

  // First, while the process holds nothing but the open app and database.
  await streamUsageCsv(get);
  console.log(`\n${calibrate()}`);

  const reports = [
    "/reports",
    "/reports/roster?machine=LATHE-009",
    "/reports/roster?machine=MASTERCAM-018",
    "/reports/roster?area=Machine+Shop",
    "/reports/students/S100123",
    "/reports/expiring",
    "/reports/usage",
    "/reports/denials",
    "/reports/badges",
  ];
  console.log(
    `\nserver time per report page, p50 of ${RUNS} runs (wall and CPU; target <= 300 ms):`,
  );
  for (const path of reports) {
    const times: number[] = [];
    const cpu: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < RUNS + 1; i += 1) {
      const c0 = process.cpuUsage();
      t0 = performance.now();
      const res = await get(path);
      const body = await res.text();
      // the first run warms the caches and is not counted
      if (i > 0) {
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      status = res.status;
      bytes = body.length;
    }
    console.log(
      `  ${path.padEnd(38)} ${p50(times).toFixed(1).padStart(7)} ms` +
        `  cpu ${p50(cpu).toFixed(1).padStart(6)} ms` +
        `  (min ${Math.min(...times).toFixed(1)}, ${status}, ` +
        `${(bytes / 1024).toFixed(0)} KiB)`,
    );
  }

  db.$client.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

async function streamUsageCsv(
  get: (path: string) => Response | Promise<Response>,
) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);

  const t0 = performance.now();
  const res = await get(
    "/reports/usage?from=2000-01-01&to=2100-12-31&format=csv",
  );
  const reader = res.body!.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 10) lines += 1;
    sample();
  }
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `\nusage CSV of every session: ${lines - 1} rows, ` +
      `${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s; ` +
      `RSS before ${(before / 1e6).toFixed(0)} MB, ` +
      `peak ${(peak / 1e6).toFixed(0)} MB (target < 200 MB)`,
  );
}

if (process.argv.includes("--fill")) {
  const db = openDb(process.argv.at(-1)!);
  db.$client.transaction(() => fill(db))();
  db.$client.pragma("optimize");
  db.$client.close();
} else {
  await main();
}
