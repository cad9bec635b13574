// Badge summary: how many students hold each badge today, and how many
// awards were issued (and revoked) per month.
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
  expiring: number;
  expired: number;
  revoked: number;
};

export type MonthLine = {
  month: string; // "2026-11"
  issued: number;
  students: number;
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
  const first = `${addMonths(at, -(months - 1)).slice(0, 7)}-01`;
  const monthList = Array.from({ length: months }, (_, i) =>
    addMonths(first, i).slice(0, 7),
  );
  const issued = new Map(
    countIssuedPerMonth(db, first).map((r) => [r.month, r]),
  );
  const revoked = new Map(
    countRevokedPerMonth(db, dayStart(first)).map((r) => [r.month, r.count]),
  );
  return {
    at,
    badges: countPerBadge(db, at),
    months: monthList.map((month) => ({
      month,
      issued: issued.get(month)?.issued ?? 0,
      students: issued.get(month)?.students ?? 0,
      revoked: revoked.get(month) ?? 0,
    })),
  };
}

// Holders are active students with an unrevoked award valid on `at`. The
// awards side reads only the covering index awards_badge_holder_idx.
function countPerBadge(db: Db, at: Day): BadgeLine[] {
  const rows = db.$client
    .prepare(
      `with inactive as (select id from students where status <> 'active')
       select b.id, b.name, b.track, b.type, b.level, b.archived,
         count(distinct case when a.revoked_at is null
             and a.issued_on <= :at
             and (a.expires_on is null or a.expires_on >= :at)
             and a.student_id not in inactive then a.student_id end)
           as holders,
         count(distinct case when a.revoked_at is null
             and a.expires_on >= :at and a.expires_on <= :soon
             and a.student_id not in inactive then a.student_id end)
           as expiring,
         count(case when a.revoked_at is null
             and a.expires_on < :at then 1 end) as expired,
         count(a.revoked_at) as revoked
       from badges b
       left join awards a on a.badge_id = b.id
       group by b.id
       order by b.archived, b.track, b.name`,
    )
    .all({ at, soon: addDays(at, 30) }) as (Omit<BadgeLine, "archived"> & {
    archived: number;
  })[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1 }));
}

function countIssuedPerMonth(db: Db, first: Day) {
  return db.$client
    .prepare(
      `select substr(issued_on, 1, 7) as month, count(*) as issued,
              count(distinct student_id) as students
       from awards where issued_on >= ? group by month`,
    )
    .all(first) as { month: string; issued: number; students: number }[];
}

function countRevokedPerMonth(db: Db, fromMs: number) {
  return db.$client
    .prepare(
      `select strftime('%Y-%m', revoked_at / 1000, 'unixepoch', 'localtime')
                as month, count(*) as count
       from awards where revoked_at >= ? group by month`,
    )
    .all(fromMs) as { month: string; count: number }[];
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
    "expired_awards",
    "revoked_awards",
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
      b.expired,
      b.revoked,
      ...months.map((m) => perMonth?.get(m) ?? 0),
    ];
  });
  return { header, rows };
}
