// The usage report's CSV: every session of the scope, one row each.
import type { Db } from "../db/client";
import type { CsvRow, NextBatch } from "./csv";
import { localStamp } from "./format";
import { resolveScope, type UsageScope } from "./usage";

// Rows per page of the CSV export: small pages keep the garbage of each
// step small, so the process stays well under its memory budget.
const PAGE = 500;

export const USAGE_CSV_HEADER = [
  "started",
  "ended",
  "minutes",
  "machine",
  "machine_name",
  "area",
  "student_number",
  "last_name",
  "first_name",
  "ended_how",
  "override_reason",
];

/**
 * The sessions of the report, one CSV row each, read in pages of 500 by
 * (started_at, rowid). Each page is a short query: an open better-sqlite3
 * iterator would hold the connection and make every write fail meanwhile.
 * The page's lower bound is a plain `started_at >= ?` so the index seeks
 * to it; a row-value `(a, b) > (?, ?)` made SQLite rescan from the start.
 */
export function usageCsvBatches(db: Db, scope: UsageScope): NextBatch {
  const range = resolveScope(db, scope);
  const machineFilter = range.machineIds
    ? `and s.machine_id in (${range.machineIds.map(Number).join(",")})`
    : "";
  const page = db.$client
    .prepare(
      `select s.started_at, s.ended_at, m.code, m.name, m.area,
              st.student_number, st.last_name, st.first_name,
              s.end_kind, s.override_reason, s.rowid
       from machine_sessions s
       join machines m on m.id = s.machine_id
       join students st on st.id = s.student_id
       where s.started_at >= ? and s.started_at < ? ${machineFilter}
         and (s.started_at > ? or s.rowid > ?)
       order by s.started_at, s.rowid
       limit ${PAGE}`,
    )
    .raw();

  let after: [number, number] = [range.fromMs - 1, 0];
  let done = false;
  return () => {
    if (done) return null;
    const from = Math.max(range.fromMs, after[0]);
    const rows = page.all(from, range.toMs, ...after) as unknown[][];
    if (rows.length < PAGE) done = true;
    if (rows.length === 0) return null;
    const last = rows[rows.length - 1]!;
    after = [last[0] as number, last[10] as number];
    return rows.map(toCsvRow);
  };
}

function toCsvRow(r: unknown[]): CsvRow {
  const [start, end, code, name, area, number, last, first, how, reason] =
    r as [
      number,
      number | null,
      string,
      string,
      string,
      string,
      string,
      string,
      string | null,
      string | null,
    ];
  return [
    localStamp(start),
    end === null ? "" : localStamp(end),
    end === null ? "" : Math.round((end - start) / 60_000),
    code,
    name,
    area,
    number,
    last,
    first,
    end === null ? "open" : (how ?? ""),
    reason ?? "",
  ];
}
