// Usage report: machine sessions started in a date range, with totals per
// machine and per student and the hours of the day the shop is busiest.
import { and, asc, gte, inArray, lt, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { machines, machineSessions, students } from "../db/schema";
import type { Day } from "../lib/dates";
import {
  dayStart,
  listMachineChoices,
  requireArea,
  requireMachineCode,
  type MachineChoice,
} from "./choices";
import type { CsvRow, NextBatch } from "./csv";
import { localStamp } from "./format";
import { addDays } from "../lib/dates";

export const SESSION_ROWS_SHOWN = 500;
export const STUDENT_ROWS_SHOWN = 100;
const HOUR = 3_600_000;

export type UsageScope = {
  from: Day;
  to: Day;
  machine?: string | undefined;
  area?: string | undefined;
};

type Totals = { sessions: number; minutes: number };

export type UsageReport = {
  totals: Totals & { students: number; open: number };
  byMachine: (MachineChoice & Totals)[];
  byStudent: ({ number: string; name: string } & Totals)[];
  byHour: { hour: number; started: number; minutes: number }[];
  sessions: ReturnType<typeof listSessions>;
};

/** Builds the usage report; an unknown machine or area is an InvalidError. */
export function buildUsageReport(
  db: Db,
  scope: UsageScope,
  now = Date.now(),
): UsageReport {
  const range = resolveScope(db, scope);
  const all = new Map(listMachineChoices(db).map((m) => [m.id, m]));

  const perMachine = new Map<number, Totals>();
  const perStudent = new Map<number, Totals>();
  const byHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    started: 0,
    minutes: 0,
  }));
  let open = 0;
  for (const [machineId, studentId, start, end] of scanSessions(db, range)) {
    const minutes = ((end ?? now) - start) / 60_000;
    if (end === null) open += 1;
    add(perMachine, machineId, minutes);
    add(perStudent, studentId, minutes);
    spreadOverHours(byHour, start, end ?? now);
  }

  const byMachine = [...perMachine]
    .map(([id, t]) => ({ ...all.get(id)!, ...t }))
    .sort((a, b) => b.minutes - a.minutes || a.code.localeCompare(b.code));
  const topStudents = [...perStudent]
    .sort((a, b) => b[1].minutes - a[1].minutes)
    .slice(0, STUDENT_ROWS_SHOWN);
  const names = studentNames(
    db,
    topStudents.map(([id]) => id),
  );
  const sessions = [...perMachine.values()].reduce(
    (sum, t) => ({
      sessions: sum.sessions + t.sessions,
      minutes: sum.minutes + t.minutes,
    }),
    { sessions: 0, minutes: 0 },
  );
  return {
    totals: { ...sessions, students: perStudent.size, open },
    byMachine,
    byStudent: topStudents.map(([id, t]) => ({ ...names.get(id)!, ...t })),
    byHour: byHour.map((h) => ({ ...h, minutes: Math.round(h.minutes) })),
    sessions: listSessions(db, range, SESSION_ROWS_SHOWN),
  };
}

type Range = { fromMs: number; toMs: number; machineIds: number[] | null };

function resolveScope(db: Db, scope: UsageScope): Range {
  const fromMs = dayStart(scope.from);
  const toMs = dayStart(addDays(scope.to, 1));
  if (scope.machine) {
    return {
      fromMs,
      toMs,
      machineIds: [requireMachineCode(db, scope.machine).id],
    };
  }
  if (scope.area) {
    return {
      fromMs,
      toMs,
      machineIds: requireArea(db, scope.area).map((m) => m.id),
    };
  }
  return { fromMs, toMs, machineIds: null };
}

function add(map: Map<number, Totals>, id: number, minutes: number) {
  const t = map.get(id);
  if (t) {
    t.sessions += 1;
    t.minutes += minutes;
  } else {
    map.set(id, { sessions: 1, minutes });
  }
}

// Counts each started session in its hour, and its minutes in every hour
// it covers (at most a day, so a session left open does not dominate).
function spreadOverHours(
  byHour: { started: number; minutes: number }[],
  start: number,
  end: number,
) {
  const stop = Math.min(end, start + 24 * HOUR);
  let at = new Date(start);
  byHour[at.getHours()]!.started += 1;
  let t = start;
  while (t < stop) {
    const next = new Date(at);
    next.setHours(at.getHours() + 1, 0, 0, 0);
    const until = Math.min(stop, next.getTime());
    byHour[at.getHours()]!.minutes += (until - t) / 60_000;
    t = until;
    at = next;
  }
}

// Raw rows straight from SQLite: this loop sees every session in the range.
function scanSessions(db: Db, range: Range) {
  const machineFilter = range.machineIds
    ? `and machine_id in (${range.machineIds.map(Number).join(",")})`
    : "";
  return db.$client
    .prepare(
      `select machine_id, student_id, started_at, ended_at
       from machine_sessions
       where started_at >= ? and started_at < ? ${machineFilter}`,
    )
    .raw()
    .iterate(range.fromMs, range.toMs) as IterableIterator<
    [number, number, number, number | null]
  >;
}

function studentNames(db: Db, ids: number[]) {
  const rows = ids.length
    ? db
        .select({
          id: students.id,
          number: students.number,
          first: students.firstName,
          last: students.lastName,
        })
        .from(students)
        .where(inArray(students.id, ids))
        .all()
    : [];
  return new Map(
    rows.map((r) => [
      r.id,
      { number: r.number, name: `${r.last}, ${r.first}` },
    ]),
  );
}

function listSessions(db: Db, range: Range, limit: number) {
  return db
    .select({
      startedAt: machineSessions.startedAt,
      endedAt: machineSessions.endedAt,
      endKind: machineSessions.endKind,
      overrideReason: machineSessions.overrideReason,
      machineCode: machines.code,
      machineName: machines.name,
      studentNumber: students.number,
      firstName: students.firstName,
      lastName: students.lastName,
    })
    .from(machineSessions)
    .innerJoin(machines, eq(machines.id, machineSessions.machineId))
    .innerJoin(students, eq(students.id, machineSessions.studentId))
    .where(
      and(
        gte(machineSessions.startedAt, new Date(range.fromMs)),
        lt(machineSessions.startedAt, new Date(range.toMs)),
        range.machineIds
          ? inArray(machineSessions.machineId, range.machineIds)
          : undefined,
      ),
    )
    .orderBy(asc(machineSessions.startedAt))
    .limit(limit)
    .all();
}

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
