// npm run bench:clearance
// Fills a temporary SQLite file with 50,000 students, 300,000 awards and
// 200 machines, then times a full clearance (one student, every machine)
// for 1,000 random students. It prints figures; it never asserts times.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { computeExpiry } from "../../src/clearance/rules";
import { clearStudent, invalidateCatalog } from "../../src/clearance/service";
import { openDb, type Db } from "../../src/db/client";
import { addDays, type Day } from "../../src/lib/dates";
import { countStatements } from "../clearance/count-statements";

// BENCH_SCALE=0.1 gives a quick smaller run; the issue's figures use 1.
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const STUDENTS = Math.round(50_000 * SCALE);
const AWARDS = Math.round(300_000 * SCALE);
const MACHINES = 200;
const SESSIONS = Math.round(200_000 * SCALE);
const HOLDS = Math.round(2_000 * SCALE);
const SAMPLES = 1_000;
const AT: Day = "2026-12-03";

// A small deterministic generator (mulberry32) so runs are comparable.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const int = (n: number) => 1 + Math.floor(random() * n);

const TRACKS = ["shop-safety", "welding-mig", "welding-tig", "lathe", "mill"];
const MORE_TRACKS = [
  "mastercam",
  "laser",
  "cnc-router",
  "waterjet",
  "3d-print",
];
const TYPES = ["knowledge", "skills", "experience"] as const;
const LEVELS = ["introductory", "intermediate", "advanced"] as const;

type BenchBadge = {
  id: number;
  slug: string;
  track: string;
  validityKind: "never" | "months" | "annual";
  validityMonths: number | null;
  validityAnnual: string | null;
};

function fill(db: Db) {
  const sqlite = db.$client;
  const badges: BenchBadge[] = [];
  const insertBadge = sqlite.prepare(
    `insert into badges (slug, name, track, type, level, validity_kind,
       validity_months, validity_annual, lapse_unused_months)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStudent = sqlite.prepare(
    `insert into students (student_number, first_name, last_name, email, status)
     values (?, ?, ?, ?, ?)`,
  );
  const insertMachine = sqlite.prepare(
    `insert into machines (code, name, area, in_service, requirement)
     values (?, ?, ?, ?, ?)`,
  );
  const insertAward = sqlite.prepare(
    `insert into awards (student_id, badge_id, issued_on, expires_on,
       revoked_at, revoke_reason) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertSession = sqlite.prepare(
    `insert into machine_sessions (id, machine_id, student_id, started_at,
       ended_at, end_kind) values (?, ?, ?, ?, ?, 'scan')`,
  );
  const insertHold = sqlite.prepare(
    `insert into holds (student_id, scope, machine_id, track, reason,
       starts_on, ends_on) values (?, ?, ?, ?, ?, ?, ?)`,
  );

  sqlite.transaction(() => {
    for (const track of [...TRACKS, ...MORE_TRACKS]) {
      for (const type of TYPES) {
        for (const level of LEVELS) {
          const slug = `${track}-${level}-${type}`;
          const kind =
            track === "shop-safety"
              ? "never"
              : pick(["never", "never", "months", "annual"] as const);
          const months = kind === "months" ? pick([24, 36]) : null;
          const annual = kind === "annual" ? "08-31" : null;
          const lapse = track.startsWith("welding") ? 6 : null;
          const { lastInsertRowid } = insertBadge.run(
            slug,
            `${track} ${level} ${type}`,
            track,
            type,
            level,
            kind,
            months,
            annual,
            lapse,
          );
          badges.push({
            id: Number(lastInsertRowid),
            slug,
            track,
            validityKind: kind,
            validityMonths: months,
            validityAnnual: annual,
          });
        }
      }
    }

    for (let i = 1; i <= STUDENTS; i++) {
      const status = random() < 0.03 ? "inactive" : "active";
      insertStudent.run(
        `S${100000 + i}`,
        "Ada",
        `Student${i}`,
        `s${i}@uni.test`,
        status,
      );
    }

    // Safety first, then an entry badge of the machine's track; every
    // tenth machine also asks for a random badge.
    const slugs = badges.map((b) => b.slug);
    const safety = badges.find((b) => b.slug.startsWith("shop-safety-"))!;
    for (let i = 1; i <= MACHINES; i++) {
      const track = pick([...TRACKS, ...MORE_TRACKS].slice(1));
      const entry =
        i % 4 === 0
          ? `${track}-introductory-knowledge`
          : `(${track}-introductory-skills | ${track}-intermediate-knowledge)`;
      const extra = i % 10 === 0 ? ` & ${pick(slugs)}` : "";
      insertMachine.run(
        `M-${i}`,
        `Machine ${i}`,
        pick(["Machine Shop", "Welding Bay", "Fab Lab"]),
        random() < 0.05 ? 0 : 1,
        `${safety.slug} & ${entry}${extra}`,
      );
    }

    // Most students pass shop safety first; the other awards spread over
    // every badge and student.
    const withSafety = STUDENTS * 0.8;
    for (let i = 0; i < AWARDS; i++) {
      const badge = i < withSafety ? safety : pick(badges);
      const issuedOn = addDays("2024-06-01", Math.floor(random() * 900));
      const revoked = random() < 0.03 ? Date.parse("2026-05-02") : null;
      insertAward.run(
        i < withSafety ? i + 1 : int(STUDENTS),
        badge.id,
        issuedOn,
        computeExpiry(badge, issuedOn),
        revoked,
        revoked ? "Bench revocation" : null,
      );
    }

    const start = Date.parse("2025-06-01");
    for (let i = 0; i < SESSIONS; i++) {
      const startedAt = start + Math.floor(random() * 500 * 86_400_000);
      insertSession.run(
        `bench-${i}`,
        int(MACHINES),
        int(STUDENTS),
        startedAt,
        startedAt + 3_600_000,
      );
    }

    for (let i = 0; i < HOLDS; i++) {
      const scope = pick(["all", "machine", "track"] as const);
      insertHold.run(
        int(STUDENTS),
        scope,
        scope === "machine" ? int(MACHINES) : null,
        scope === "track" ? pick(TRACKS) : null,
        "Bench hold",
        "2026-01-01",
        random() < 0.5 ? null : "2027-01-01",
      );
    }
  })();
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

type Measured = {
  fillMs: number;
  coldMs: number;
  coldStatements: number;
  wall: number[];
  cpu: number[];
  statements: number;
  decisions: number;
  cleared: number;
  reasons: Map<string, number>;
};

function measure(db: Db): Omit<Measured, "fillMs"> {
  // Installed first, so the statement the service prepares once is counted.
  const counter = countStatements(db);

  // The first clearance also loads (and caches) badges and machines.
  invalidateCatalog(db);
  let t = performance.now();
  clearStudent(db, 1, AT);
  const coldMs = performance.now() - t;
  const coldStatements = counter.count;

  const wall: number[] = [];
  const cpu: number[] = [];
  let decisions = 0;
  let cleared = 0;
  const reasons = new Map<string, number>();
  counter.count = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const id = int(STUDENTS);
    t = performance.now();
    const cpuStart = process.cpuUsage();
    const { clearances } = clearStudent(db, id, AT);
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    decisions += clearances.length;
    cleared += clearances.filter((c) => c.cleared).length;
    for (const r of clearances.flatMap((c) => c.reasons)) {
      reasons.set(r.code, (reasons.get(r.code) ?? 0) + 1);
    }
  }
  const statements = counter.count / SAMPLES;
  counter.restore();

  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    coldMs,
    coldStatements,
    wall,
    cpu,
    statements,
    decisions,
    cleared,
    reasons,
  };
}

function report(db: Db, path: string, m: Measured) {
  const sqlite = db.$client;
  const version = sqlite.prepare("select sqlite_version() as v").get() as {
    v: string;
  };
  const plan = sqlite
    .prepare(
      `explain query plan select
         (select count(*) from awards where student_id = 1),
         (select max(started_at) from machine_sessions
           where student_id = 1 group by machine_id)`,
    )
    .all() as { detail: string }[];
  const cpu = os.cpus();
  const ms = (list: number[], p: number) =>
    `${percentile(list, p).toFixed(2)} ms`;
  const n = (v: number) => v.toLocaleString("en");
  const mb = (statSync(path).size / 1e6).toFixed(1);

  const lines = [
    "ShopPass clearance benchmark",
    `  data:     ${n(STUDENTS)} students, ${n(AWARDS)} awards, ` +
      `${MACHINES} machines, ${n(SESSIONS)} sessions, ${n(HOLDS)} holds`,
    `  file:     ${mb} MB SQLite (WAL) under ${os.tmpdir()}, ` +
      `filled in ${(m.fillMs / 1000).toFixed(1)} s`,
    `  machine:  ${cpu[0]?.model ?? "unknown CPU"} x${cpu.length}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}`,
    `  runtime:  Node ${process.version}, SQLite ${version.v}`,
    `  load avg: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} ` + "(other work on this machine inflates wall times)",
    `  first clearance (loads the catalog): ${m.coldMs.toFixed(2)} ms, ` +
      `${m.coldStatements} SQL statements`,
    `  full clearance, one student x ${MACHINES} machines, ` +
      `${n(SAMPLES)} random students, at ${AT}:`,
    `    p50  ${ms(m.wall, 50)} wall, ${ms(m.cpu, 50)} CPU`,
    `    p99  ${ms(m.wall, 99)} wall, ${ms(m.cpu, 99)} CPU`,
    `    max  ${ms(m.wall, 100)} wall, ${ms(m.cpu, 100)} CPU`,
    `    SQL statements per clearance: ${m.statements.toFixed(2)}`,
    `    decisions: ${n(m.decisions)}, of which cleared: ${n(m.cleared)}`,
    `    reasons given: ${[...m.reasons]
      .map(([code, count]) => `${code} ${n(count)}`)
      .join(", ")}`,
    "  query plan of the per-student lookups:",
    ...plan.map((row) => `    ${row.detail}`),
  ];
  console.log(lines.join("\n"));
}

function main() {
  const dir = mkdtempSync(join(os.tmpdir(), "shoppass-bench-"));
  const path = join(dir, "bench.sqlite");
  try {
    const db = openDb(path);

    const t = performance.now();
    fill(db);
    db.$client.pragma("optimize");
    const fillMs = performance.now() - t;

    report(db, path, { fillMs, ...measure(db) });
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
