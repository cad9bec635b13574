// Denied scans in a date range, counted by reason and by machine, and the
// supervisor overrides that let a student in despite a denial.
import type { Db } from "../db/client";
import { addDays, type Day } from "../lib/dates";
import { dayStart } from "./choices";
import type { CsvRow } from "./csv";
import { localStamp } from "./format";

export type DenialScope = { from: Day; to: Day };

export type DeniedScan = {
  at: number;
  machine: string | null;
  studentNumber: string | null;
  studentName: string | null;
  reasons: string[];
  credentialKind: string;
  device: string | null;
};

export type Override = {
  at: number;
  machine: string;
  studentNumber: string;
  studentName: string;
  supervisor: string;
  reason: string;
  setAside: string[];
};

export type DenialReport = {
  total: number;
  byReason: { code: string; count: number }[];
  byMachine: { machine: string | null; code: string; count: number }[];
  scans: DeniedScan[];
  overrides: Override[];
};

/** The denials report; `limit` caps the listed scans, not the counts. */
export function buildDenialReport(
  db: Db,
  scope: DenialScope,
  limit: number,
): DenialReport {
  const range = [dayStart(scope.from), dayStart(addDays(scope.to, 1))];
  const count = db.$client
    .prepare(
      `select count(*) from decisions
       where at >= ? and at < ? and granted = 0`,
    )
    .pluck()
    .get(...range) as number;
  return {
    total: count,
    byReason: countByReason(db, range),
    byMachine: countByMachine(db, range),
    scans: listDenied(db, range, limit),
    overrides: listOverrides(db, range),
  };
}

// A decision can carry several reason codes; each counts once under each.
function countByReason(db: Db, range: number[]) {
  return db.$client
    .prepare(
      `select coalesce(r.value, 'none') as code, count(*) as count
       from decisions d
       left join json_each(d.reason_codes) r
       where d.at >= ? and d.at < ? and d.granted = 0
       group by code order by count desc, code`,
    )
    .all(...range) as { code: string; count: number }[];
}

function countByMachine(db: Db, range: number[]) {
  return db.$client
    .prepare(
      `select m.code as machine, coalesce(r.value, 'none') as code,
              count(*) as count
       from decisions d
       left join machines m on m.id = d.machine_id
       left join json_each(d.reason_codes) r
       where d.at >= ? and d.at < ? and d.granted = 0
       group by m.code, code
       order by m.code is null, m.code, count desc`,
    )
    .all(...range) as { machine: string | null; code: string; count: number }[];
}

const DENIED_SELECT = `
  select d.id, d.at, m.code as machine, s.student_number as studentNumber,
         s.last_name || ', ' || s.first_name as studentName,
         d.reason_codes as reasons, d.credential_kind as credentialKind,
         v.name as device
  from decisions d
  left join machines m on m.id = d.machine_id
  left join students s on s.id = d.student_id
  left join devices v on v.id = d.device_id`;
const DENIED_WHERE = `where d.at >= ? and d.at < ? and d.granted = 0`;

type DeniedRow = Omit<DeniedScan, "reasons"> & { id: number; reasons: string };

function listDenied(db: Db, range: number[], limit: number): DeniedScan[] {
  const rows = db.$client
    .prepare(`${DENIED_SELECT} ${DENIED_WHERE} order by d.at limit ?`)
    .all(...range, limit) as DeniedRow[];
  return rows.map(toScan);
}

function toScan({ id: _, ...row }: DeniedRow): DeniedScan {
  return { ...row, reasons: JSON.parse(row.reasons) as string[] };
}

// The override's own decision row (same instant, student and machine)
// holds the reason codes the supervisor set aside.
function listOverrides(db: Db, range: number[]): Override[] {
  const rows = db.$client
    .prepare(
      `select ms.started_at as at, m.code as machine,
              s.student_number as studentNumber,
              s.last_name || ', ' || s.first_name as studentName,
              coalesce(u.name, '') as supervisor,
              coalesce(ms.override_reason, '') as reason,
              coalesce((select d.reason_codes from decisions d
                 where d.at = ms.started_at and d.action = 'override'
                   and d.student_id = ms.student_id
                   and d.machine_id = ms.machine_id limit 1), '[]') as setAside
       from machine_sessions ms
       join machines m on m.id = ms.machine_id
       join students s on s.id = ms.student_id
       left join users u on u.id = ms.override_by
       where ms.started_at >= ? and ms.started_at < ?
         and ms.override_by is not null
       order by ms.started_at`,
    )
    .all(...range) as (Omit<Override, "setAside"> & { setAside: string })[];
  return rows.map((r) => ({
    ...r,
    setAside: JSON.parse(r.setAside) as string[],
  }));
}

export const DENIALS_CSV_HEADER = [
  "at",
  "machine",
  "student_number",
  "student",
  "reasons",
  "credential",
  "device",
];

/** Every denied scan of the range, read in pages like the usage export. */
export function denialCsvBatches(db: Db, scope: DenialScope) {
  const [fromMs, toMs] = [dayStart(scope.from), dayStart(addDays(scope.to, 1))];
  const page = db.$client.prepare(
    `${DENIED_SELECT} ${DENIED_WHERE} and (d.at > ? or d.id > ?)
     order by d.at, d.id limit 2000`,
  );
  let after: [number, number] = [fromMs - 1, 0];
  let done = false;
  return (): CsvRow[] | null => {
    if (done) return null;
    const from = Math.max(fromMs, after[0]);
    const rows = page.all(from, toMs, ...after) as DeniedRow[];
    if (rows.length < 2000) done = true;
    if (rows.length === 0) return null;
    const last = rows[rows.length - 1]!;
    after = [last.at, last.id];
    return rows
      .map(toScan)
      .map((s) => [
        localStamp(s.at),
        s.machine,
        s.studentNumber,
        s.studentName,
        s.reasons.join(" "),
        s.credentialKind,
        s.device,
      ]);
  };
}
