import { addUser } from "../auth/service";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { CsvRow } from "../imports/csv";
import type { ImportKind } from "../imports/schemas";
import {
  formatImportError,
  importRows,
  type ImportCounts,
} from "../imports/service";
import type { Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { addDays, toDay, type Day } from "../lib/dates";
import { demoBadgeRows } from "./badges";
import { demoMachineRows } from "./machines";
import { demoAwards, demoStudentRows, type DemoRevocation } from "./people";
import { findStudentIdByNumber } from "../students/queries";
import * as q from "./queries";

// A demo password is no secret: it is printed and written in the README.
export const DEMO_ADMIN = {
  email: "admin@shoppass.demo",
  name: "Demo Admin",
  password: "shoppass-demo-admin",
};

export type DemoSummary = {
  start: Day;
  admin: typeof DEMO_ADMIN & { created: boolean };
  imports: Record<ImportKind, ImportCounts>;
  revoked: number;
  holds: number;
};

/**
 * Loads the demo shop through the CSV importer. Dates count from the day
 * the demo admin was created, so a second run (even days later) finds
 * every record in place and changes nothing.
 */
export async function loadDemo(db: Db, config: Config): Promise<DemoSummary> {
  const actor: Actor = { kind: "cli" };
  const admin = await ensureAdmin(db, actor);
  const start = toDay(admin.createdAt);
  const awards = demoAwards(start, DEMO_ADMIN.email);

  const data: [ImportKind, CsvRow[]][] = [
    ["badges", numbered(demoBadgeRows())],
    ["machines", demoMachineRows()],
    ["students", numbered(demoStudentRows())],
    ["awards", numbered(awards.rows)],
  ];
  const imports = {} as Record<ImportKind, ImportCounts>;
  for (const [kind, rows] of data) {
    imports[kind] = importDemoRows(db, config, actor, kind, rows);
  }

  const { revoked, holds } = db.transaction((tx) => ({
    revoked: revokeAwards(tx, actor, admin.id, awards.revocations),
    holds: placeHolds(tx, actor, admin.id, start),
  }));
  return {
    start,
    admin: { ...DEMO_ADMIN, created: admin.created },
    imports,
    revoked,
    holds,
  };
}

async function ensureAdmin(db: Db, actor: Actor) {
  const found = q.findUserByEmail(db, DEMO_ADMIN.email);
  if (found) return { ...found, created: false };

  await addUser(db, actor, { ...DEMO_ADMIN, role: "admin" });
  return { ...q.findUserByEmail(db, DEMO_ADMIN.email)!, created: true };
}

// As if each row were a line of a CSV file under its header.
const numbered = (rows: Record<string, string>[]): CsvRow[] =>
  rows.map((values, i) => ({ line: i + 2, values }));

function importDemoRows(
  db: Db,
  config: Config,
  actor: Actor,
  kind: ImportKind,
  rows: CsvRow[],
): ImportCounts {
  const result = importRows(db, config, actor, kind, rows);
  if (!result.ok) {
    // the demo data is ours: a bad row is a bug in this module
    const first = formatImportError(result.errors[0]!);
    throw new Error(`Demo ${kind} do not import: ${first}`);
  }
  return result.counts;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Local noon, so the instant falls on the same day in any time zone offset.
const noonOf = (day: Day) => new Date(`${day}T12:00:00`);

function revokeAwards(
  tx: Tx,
  actor: Actor,
  adminId: number,
  revocations: DemoRevocation[],
): number {
  let count = 0;
  for (const r of revocations) {
    const award = q.findAward(tx, r);
    if (!award || award.revokedAt) continue;

    const values = {
      revokedAt: noonOf(r.on),
      revokedBy: adminId,
      revokeReason: r.reason,
    };
    q.revokeAward(tx, award.id, values);
    writeAudit(tx, actor, {
      action: "award.revoke",
      entityType: "award",
      entityId: award.id,
      before: { revokedAt: null },
      after: values,
    });
    count += 1;
  }
  return count;
}

// `student` counts active demo students; days count from the start day.
const HOLDS = [
  {
    student: 6,
    scope: "all" as const,
    reason: "Left a gas cylinder open in the welding bay; see the supervisor",
    from: -10,
  },
  {
    student: 14,
    scope: "machine" as const,
    machine: "LATHE-02",
    reason: "Chuck key left in the chuck; retrain with staff first",
    from: -5,
    until: 25,
  },
  {
    student: 41,
    scope: "track" as const,
    track: "welding-mig",
    reason: "Welded without a jacket twice this term",
    from: -20,
    until: 10,
  },
  {
    student: 100,
    scope: "all" as const,
    reason: "Unpaid lab materials fee",
    from: -60,
    lifted: -30,
    liftReason: "Fee paid at the front office",
  },
];

function placeHolds(tx: Tx, actor: Actor, adminId: number, start: Day) {
  const active = demoStudentRows().filter((s) => s.status === "active");
  let count = 0;
  for (const h of HOLDS) {
    const number = active[h.student]!.student_number!;
    const studentId = findStudentIdByNumber(tx, number);
    if (studentId === null) continue;
    const startsOn = addDays(start, h.from);
    const key = { studentId, scope: h.scope, reason: h.reason, startsOn };
    if (q.findHold(tx, key) !== null) continue;

    const values: q.HoldValues = {
      ...key,
      machineId: h.machine ? q.findMachineIdByCode(tx, h.machine) : null,
      track: h.track ?? null,
      endsOn: h.until === undefined ? null : addDays(start, h.until),
      placedBy: adminId,
      placedAt: noonOf(startsOn),
      liftedAt:
        h.lifted === undefined ? null : noonOf(addDays(start, h.lifted)),
      liftedBy: h.lifted === undefined ? null : adminId,
      liftReason: h.liftReason ?? null,
    };
    const id = q.insertHold(tx, values);
    writeAudit(tx, actor, {
      action: "hold.place",
      entityType: "hold",
      entityId: id,
      after: values,
    });
    count += 1;
  }
  return count;
}
