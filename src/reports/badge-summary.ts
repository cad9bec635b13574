// Badge summary: how many students hold each badge today, and how many
// awards were issued and revoked per month.
import type { Db } from "../db/client";
import { addDays, addMonths, today, type Day } from "../lib/dates";
import { dayStart } from "./choices";
import type { CsvRow } from "./csv";

export type BadgeLine = {
  id: number;
  name: string;
  track: string;
  type: string;
  level: string;
  archived: boolean;
  holders: number;
  expiring: number; // holders whose last valid day is within 30 days
};

export type MonthLine = {
  month: string; // "2026-11"
  issued: number;
  revoked: number;
};

export type BadgeSummary = {
  at: Day;
  badges: BadgeLine[];
  months: MonthLine[]; // oldest first, the current month last
};

/** Holders per badge on `at` and awards per month over the last `months`. */
export function buildBadgeSummary(
  db: Db,
  months: number,
  at: Day = today(),
): BadgeSummary {
  const first = firstMonth(at, months);
  const monthList = Array.from({ length: months }, (_, i) =>
    addMonths(first, i).slice(0, 7),
  );
  const issued = new Map(countIssuedPerMonth(db, first));
  const revoked = new Map(countRevokedPerMonth(db, dayStart(first)));
  const holders = new Map(countHolders(db, at));
  const expiring = new Map(countExpiring(db, at, addDays(at, 30)));
  return {
    at,
    badges: listBadges(db).map((b) => ({
      ...b,
      holders: holders.get(b.id) ?? 0,
      expiring: expiring.get(b.id) ?? 0,
    })),
    months: monthList.map((month) => ({
      month,
      issued: issued.get(month) ?? 0,
      revoked: revoked.get(month) ?? 0,
    })),
  };
}

function firstMonth(at: Day, months: number): Day {
  return `${addMonths(at, -(months - 1)).slice(0, 7)}-01`;
}

// Each count is its own simple statement over an index: SQLite does one
// plain count(distinct) far faster than several CASE counts in one scan.
const VALID_ON = `revoked_at is null and issued_on <= :at
  and (expires_on is null or expires_on >= :at)
  and student_id not in (select id from students where status <> 'active')`;

function listBadges(db: Db) {
  const rows = db.$client
    .prepare(
      `select id, name, track, type, level, archived from badges
       order by archived, track, name`,
    )
    .all() as (Omit<BadgeLine, "archived" | "holders" | "expiring"> & {
    archived: number;
  })[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1 }));
}

/** Active students with an unrevoked award valid on `at`, per badge. */
function countHolders(db: Db, at: Day) {
  return db.$client
    .prepare(
      `select badge_id, count(distinct student_id) from awards
       where ${VALID_ON} group by badge_id`,
    )
    .raw()
    .all({ at }) as [number, number][];
}

/** Holders whose valid awards all end by `soon` (not yet renewed). */
function countExpiring(db: Db, at: Day, soon: Day) {
  return db.$client
    .prepare(
      `select a.badge_id, count(distinct a.student_id) from awards a
       where a.expires_on >= :at and a.expires_on <= :soon
         and a.revoked_at is null and a.issued_on <= :at
         and a.student_id not in
           (select id from students where status <> 'active')
         and not exists (
           select 1 from awards r
           where r.badge_id = a.badge_id and r.student_id = a.student_id
             and r.revoked_at is null
             and (r.expires_on is null or r.expires_on > :soon))
       group by a.badge_id`,
    )
    .raw()
    .all({ at, soon }) as [number, number][];
}

function countIssuedPerMonth(db: Db, first: Day) {
  return db.$client
    .prepare(
      `select substr(issued_on, 1, 7) as month, count(*) from awards
       where issued_on >= ? group by month`,
    )
    .raw()
    .all(first) as [string, number][];
}

function countRevokedPerMonth(db: Db, fromMs: number) {
  return db.$client
    .prepare(
      `select strftime('%Y-%m', revoked_at / 1000, 'unixepoch', 'localtime')
                as month, count(*)
       from awards where revoked_at >= ? group by month`,
    )
    .raw()
    .all(fromMs) as [string, number][];
}

function countIssuedPerBadgeMonth(db: Db, first: Day) {
  const rows = db.$client
    .prepare(
      `select badge_id, substr(issued_on, 1, 7), count(*)
       from awards where issued_on >= ? group by 1, 2`,
    )
    .raw()
    .all(first) as [number, string, number][];
  const out = new Map<number, Map<string, number>>();
  for (const [badgeId, month, n] of rows) {
    const perMonth = out.get(badgeId) ?? new Map<string, number>();
    perMonth.set(month, n);
    out.set(badgeId, perMonth);
  }
  return out;
}

/** Header and rows: one per badge, with its awards issued per month. */
export function badgeSummaryCsv(db: Db, summary: BadgeSummary) {
  const months = summary.months.map((m) => m.month);
  const issuedByBadge = countIssuedPerBadgeMonth(db, `${months[0]}-01`);
  const header = [
    "badge",
    "track",
    "type",
    "level",
    "archived",
    "current_holders",
    "expiring_30_days",
    ...months.map((m) => `issued_${m}`),
  ];
  const rows = summary.badges.map((b): CsvRow => {
    const perMonth = issuedByBadge.get(b.id);
    return [
      b.name,
      b.track,
      b.type,
      b.level,
      b.archived ? "yes" : "no",
      b.holders,
      b.expiring,
      ...months.map((m) => perMonth?.get(m) ?? 0),
    ];
  });
  return { header, rows };
}
