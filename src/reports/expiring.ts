// Expiring badges: current awards whose last valid day falls within the
// next N days, grouped by badge, with emails so staff can remind students.
import type { Db } from "../db/client";
import { addDays, today, type Day } from "../lib/dates";
import type { CsvRow } from "./csv";

export type ExpiringRow = {
  badge: string;
  studentNumber: string;
  lastName: string;
  firstName: string;
  email: string;
  issuedOn: Day;
  expiresOn: Day;
  daysLeft: number;
  assessor: string;
};

export type ExpiringReport = {
  from: Day;
  until: Day;
  rows: ExpiringRow[]; // by badge, then expiry, then name
  perBadge: { badge: string; count: number }[];
};

/**
 * Awards of active students that expire from `at` through `at + days`,
 * leaving out those already renewed (a later award of the same badge).
 */
export function buildExpiringReport(
  db: Db,
  days: number,
  at: Day = today(),
): ExpiringReport {
  const until = addDays(at, days);
  const rows = listExpiring(db, at, until).map((r) => ({
    ...r,
    daysLeft: daysBetween(at, r.expiresOn),
  }));

  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.badge, (counts.get(r.badge) ?? 0) + 1);
  const perBadge = [...counts].map(([badge, count]) => ({ badge, count }));
  return { from: at, until, rows, perBadge };
}

function listExpiring(db: Db, from: Day, until: Day) {
  return db.$client
    .prepare(
      `select b.name as badge, s.student_number as studentNumber,
              s.last_name as lastName, s.first_name as firstName,
              s.email, a.issued_on as issuedOn, a.expires_on as expiresOn,
              coalesce(u.name, a.assessor_name, '') as assessor
       from awards a
       join students s on s.id = a.student_id
       join badges b on b.id = a.badge_id
       left join users u on u.id = a.assessor_id
       where a.expires_on >= ? and a.expires_on <= ?
         and a.revoked_at is null
         and s.status = 'active'
         and not exists (
           select 1 from awards r
           where r.student_id = a.student_id and r.badge_id = a.badge_id
             and r.id <> a.id and r.revoked_at is null
             and (r.expires_on is null or r.expires_on > a.expires_on))
       order by b.name, a.expires_on, s.last_name, s.first_name`,
    )
    .all(from, until) as Omit<ExpiringRow, "daysLeft">[];
}

function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export const EXPIRING_CSV_HEADER = [
  "badge",
  "student_number",
  "last_name",
  "first_name",
  "email",
  "issued_on",
  "expires_on",
  "days_left",
  "assessor",
];

export function expiringCsvRows(report: ExpiringReport): CsvRow[] {
  return report.rows.map((r) => [
    r.badge,
    r.studentNumber,
    r.lastName,
    r.firstName,
    r.email,
    r.issuedOn,
    r.expiresOn,
    r.daysLeft,
    r.assessor,
  ]);
}
