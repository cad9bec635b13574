// The shop the kiosk benchmark runs against: 50,000 students with about
// six awards each, 40 machines in three areas whose requirements combine
// shop safety with any-of track badges, holds and a year of sessions.
import { computeExpiry } from "../../src/clearance/rules";
import type { BadgeInfo } from "../../src/clearance/types";
import type { Db } from "../../src/db/client";
import { addDays } from "../../src/lib/dates";

export const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 50_000);
export const MACHINES = 40;
const AWARDS_PER_STUDENT = 6;

const AREAS: Record<string, string[]> = {
  "Machine Shop": ["lathe", "mill"],
  "Welding Bay": ["welding-mig", "welding-tig"],
  "CAM Lab": ["mastercam"],
};
const TYPES = ["knowledge", "skills", "experience"] as const;
const LEVELS = ["introductory", "intermediate", "advanced"] as const;

// Deterministic, so that runs are comparable.
let seed = 7;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

type Badge = Pick<
  BadgeInfo,
  "id" | "slug" | "track" | "validityKind" | "validityMonths" | "validityAnnual"
>;

export function fillShop(db: Db) {
  const sql = db.$client;
  const insertBadge = sql.prepare(
    `insert into badges (slug, name, track, type, level, validity_kind,
       validity_months, validity_annual) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStudent = sql.prepare(
    `insert into students (student_number, first_name, last_name, email)
     values (?, ?, ?, ?)`,
  );
  const insertMachine = sql.prepare(
    `insert into machines (code, name, area, capacity, requirement)
     values (?, ?, ?, ?, ?)`,
  );
  const insertAward = sql.prepare(
    `insert into awards (student_id, badge_id, issued_on, expires_on,
       revoked_at, revoke_reason) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertHold = sql.prepare(
    `insert into holds (student_id, scope, reason, starts_on)
     values (?, 'all', 'Bench hold', '2026-01-01')`,
  );
  const insertSession = sql.prepare(
    `insert into machine_sessions (id, machine_id, student_id, started_at,
       ended_at, end_kind) values (?, ?, ?, ?, ?, 'scan')`,
  );

  sql.transaction(() => {
    const badges: Badge[] = [];
    const tracks = ["shop-safety", ...Object.values(AREAS).flat()];
    for (const track of tracks) {
      for (const type of TYPES) {
        for (const level of LEVELS) {
          const slug = `${track}-${level}-${type}`;
          const kind =
            track === "shop-safety"
              ? "never"
              : pick(["never", "months", "annual"] as const);
          const months = kind === "months" ? 24 : null;
          const annual = kind === "annual" ? "08-31" : null;
          const row = insertBadge.run(
            slug,
            slug,
            track,
            type,
            level,
            kind,
            months,
            annual,
          );
          badges.push({
            id: Number(row.lastInsertRowid),
            slug,
            track,
            validityKind: kind,
            validityMonths: months,
            validityAnnual: annual,
          });
        }
      }
    }

    for (let i = 1; i <= MACHINES; i++) {
      const area = pick(Object.keys(AREAS));
      const track = pick(AREAS[area]!);
      const requirement =
        `shop-safety-introductory-knowledge & ` +
        `(${track}-intermediate-skills | ${track}-advanced-skills)`;
      insertMachine.run(
        `M-${i}`,
        `Machine ${i}`,
        area,
        1 + (i % 3),
        requirement,
      );
    }

    const safety = badges[0]!;
    for (let s = 1; s <= STUDENTS; s++) {
      insertStudent.run(
        `S${100000 + s}`,
        "Ada",
        `Student${s}`,
        `s${s}@uni.test`,
      );
      for (let a = 0; a < AWARDS_PER_STUDENT; a++) {
        const badge = a === 0 ? safety : pick(badges);
        const issuedOn = addDays("2024-01-15", Math.floor(random() * 1000));
        const revoked = random() < 0.03 ? Date.parse("2026-05-02") : null;
        insertAward.run(
          s,
          badge.id,
          issuedOn,
          computeExpiry(badge as BadgeInfo, issuedOn),
          revoked,
          revoked ? "Bench revocation" : null,
        );
      }
      if (random() < 0.01) insertHold.run(s);
    }

    const start = Date.parse("2025-12-01");
    for (let i = 0; i < STUDENTS * 2; i++) {
      const at = start + Math.floor(random() * 360 * 86_400_000);
      const machine = 1 + Math.floor(random() * MACHINES);
      const student = 1 + Math.floor(random() * STUDENTS);
      insertSession.run(`bench-${i}`, machine, student, at, at + 3_600_000);
    }
  })();
}
