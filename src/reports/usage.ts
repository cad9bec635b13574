// Usage report: machine sessions started in a date range, with totals per
// machine and per student and the hours of the day the shop is busiest.
import { and, asc, gte, inArray, lt, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { machines, machineSessions, students } from "../db/schema";
import { addDays, type Day } from "../lib/dates";
import {
  dayStart,
  listMachineChoices,
  requireArea,
  requireMachineCode,
  type MachineChoice,
} from "./choices";

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

export type Range = {
  fromMs: number;
  toMs: number;
  machineIds: number[] | null;
};

/** The instants and machines of a scope; InvalidError for unknown ones. */
export function resolveScope(db: Db, scope: UsageScope): Range {
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
