import {
  clearStudent,
  clearStudentForMachine,
  findCatalogMachine,
} from "../clearance/service";
import type { Clearance } from "../clearance/types";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { findRecentScan, wasJustScanned } from "../decisions/service";
import { hasRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { toDay } from "../lib/dates";
import { ForbiddenError, InvalidError, NotFoundError } from "../lib/errors";
import {
  assertDeviceMayUse,
  closingAfter,
  type ScanOutcome,
  type ScanReason,
  type SessionSummary,
  type StudentSummary,
} from "./outcomes";
import * as q from "./queries";
import {
  cardReasons,
  decide,
  decideLater,
  denyCard,
  outcome,
  readScan,
  signIn,
  signOut,
  type Scan,
} from "./scan";

export type {
  MachineSummary,
  ScanOutcome,
  ScanReason,
  ScanReasonCode,
  SessionSummary,
  StudentSummary,
} from "./outcomes";

const DUPLICATE_MS = 3_000;
// a tap on a tile must follow a scan of that student at the same kiosk
const TAP_AFTER_SCAN_MS = 2 * 60_000;

function requireMachine(db: Db, id: number): q.MachineRow {
  const machine = q.findMachine(db, id);
  if (!machine) throw new NotFoundError("There is no such machine");
  return machine;
}

/** The machine with this code, or a 404. */
export function requireMachineByCode(db: Db, code: string): q.MachineRow {
  // the cached catalog: every scan by code asks, and it is kept current
  const machine = findCatalogMachine(db, code);
  if (!machine) throw new NotFoundError(`There is no machine ${code}`);
  return machine;
}

/**
 * A scan at a machine: signs the student in when cleared and there is
 * room, out when already on it; a repeat within 3 s does nothing.
 */
export function scanAtMachine(
  db: Db,
  config: Config,
  actor: Actor,
  input: {
    machineId: number;
    scanned: string;
    now?: Date;
    deviceId?: number | null; // the kiosk, when a staff member scans there
  },
): ScanOutcome {
  const machine = requireMachine(db, input.machineId);
  assertDeviceMayUse(actor, machine);
  const scan = readScan(db, config, machine, input);

  const seen = { ...scan, machineId: machine.id };
  if (wasJustScanned(db, seen, DUPLICATE_MS)) {
    return outcome(scan, "duplicate");
  }
  if (!scan.student) return denyCard(db, actor, scan, "sign-in");

  const open = q.findOpenSession(db, machine.id, scan.student.id);
  if (open) return signOut(db, actor, scan, open);
  return signIn(db, actor, scan);
}

/** The device API's access check: clearance only; writes only the log. */
export function checkAccess(
  db: Db,
  config: Config,
  actor: Actor,
  input: { machineCode: string; scanned: string; now?: Date },
): ScanOutcome & { allowed: boolean } {
  const machine = requireMachineByCode(db, input.machineCode);
  assertDeviceMayUse(actor, machine);
  const scan = readScan(db, config, machine, input);
  if (!scan.student) {
    return { ...denyCard(db, actor, scan, "check"), allowed: false };
  }

  const day = toDay(scan.at);
  const clearance = clearStudentForMachine(
    db,
    scan.student.id,
    machine.id,
    day,
  );
  const { cleared, reasons } = clearance;
  decideLater(db, actor, scan, { action: "check", granted: cleared, reasons });
  const result = cleared ? "signed-in" : "denied";
  const checked = outcome(scan, result, { reasons, clearance });
  return { ...checked, allowed: cleared };
}

/**
 * The device API's sign-in: never signs out; a student already on the
 * machine gets the open session back with `existing: true`.
 */
export function startSession(
  db: Db,
  config: Config,
  actor: Actor,
  input: { machineCode: string; scanned: string; now?: Date },
): ScanOutcome {
  const machine = requireMachineByCode(db, input.machineCode);
  assertDeviceMayUse(actor, machine);
  const scan = readScan(db, config, machine, input);

  if (!scan.student) return denyCard(db, actor, scan, "sign-in");
  return signIn(db, actor, scan);
}

// A tile tap or an override names a student already scanned at this kiosk.
function tapScan(
  db: Db,
  actor: Actor,
  machine: q.MachineRow,
  input: { studentId: number; now?: Date; deviceId?: number | null },
): Scan {
  const student = q.findStudent(db, input.studentId);
  if (!student) throw new NotFoundError("There is no such student");
  const at = input.now ?? new Date();
  const recent = findRecentScan(
    db,
    actor,
    { studentId: student.id, deviceId: input.deviceId, at },
    TAP_AFTER_SCAN_MS,
  );
  if (!recent && actor.kind === "device") {
    throw new ForbiddenError("Scan the student's card again");
  }
  return {
    machine,
    studentId: student.id,
    student,
    credentialKind: recent?.credentialKind ?? "token",
    credentialHash: null,
    at,
    deviceId: input.deviceId ?? null,
  };
}

/** A tap on a machine tile after a scan: re-checks clearance, signs in. */
export function signInStudent(
  db: Db,
  _config: Config,
  actor: Actor,
  input: {
    machineId: number;
    studentId: number;
    now?: Date;
    deviceId?: number | null;
  },
): ScanOutcome {
  const machine = requireMachine(db, input.machineId);
  assertDeviceMayUse(actor, machine);
  const scan = tapScan(db, actor, machine, input);
  return signIn(db, actor, scan);
}

/** A supervisor signs a student in despite a denial, with a reason. */
export function overrideSignIn(
  db: Db,
  actor: Actor,
  input: {
    machineId: number;
    studentId: number;
    reason: string;
    now?: Date;
    deviceId?: number | null;
  },
): ScanOutcome {
  if (actor.kind !== "user" || !hasRole(actor, "supervisor")) {
    throw new ForbiddenError("Only a supervisor may override a denial");
  }
  const reason = input.reason.trim();
  if (!reason) {
    throw new InvalidError("Say why", { reason: "Say why you override" });
  }
  const machine = requireMachine(db, input.machineId);
  const scan = tapScan(db, actor, machine, input);
  return signIn(db, actor, scan, { by: actor.id, reason });
}

/** A session as the API and the board show it. */
export type SessionView = NonNullable<ReturnType<typeof q.findSession>>;

/** Ends a session; ending an ended session returns it unchanged. */
export function endSession(
  db: Db,
  actor: Actor,
  sessionId: string,
  now: Date = new Date(),
): SessionView {
  const found = q.findSession(db, sessionId);
  if (!found) throw new NotFoundError("There is no such session");
  assertDeviceMayUse(actor, { id: found.machineId, area: found.machineArea });
  if (found.endedAt) return found;

  const endKind = actor.kind === "device" ? "device" : "staff";
  db.transaction((tx) => {
    q.markEnded(tx, sessionId, {
      endedAt: now,
      endKind,
      endedBy: actor.kind === "user" ? actor.id : null,
    });
    writeAudit(tx, actor, {
      action: "session.end",
      entityType: "machine_session",
      entityId: sessionId,
      after: { endKind, endedAt: now },
    });
  });
  return { ...found, endedAt: now, endKind };
}

export type AreaMachine = {
  machine: q.MachineRow;
  clearance: Clearance;
  openSessions: number;
  full: boolean;
  // the scanned student's own open session here, if any
  ownSession: SessionSummary | null;
};

export type AreaCheck = {
  student: StudentSummary | null;
  reasons: ScanReason[]; // about the card: unknown or replaced
  machines: AreaMachine[];
};

/**
 * A scan at a shared kiosk: the student's clearance for each machine of
 * the area, for the tiles. Signs nobody in; logged as a "check".
 */
export function checkStudentAtArea(
  db: Db,
  config: Config,
  actor: Actor,
  input: {
    area: string;
    scanned: string;
    now?: Date;
    deviceId?: number | null;
  },
): AreaCheck {
  if (actor.kind === "device" && actor.area && actor.area !== input.area) {
    throw new ForbiddenError("This device belongs to another area");
  }
  const pinned = actor.kind === "device" ? actor.machineId : null;
  const filter = { area: input.area, machineId: pinned ?? undefined };
  const machines = q.listMachines(db, filter);
  if (machines.length === 0) throw new NotFoundError("No machines here");
  const scan = readScan(db, config, machines[0]!, input);

  if (!scan.student) {
    const reasons = cardReasons(scan.credentialKind);
    const row = { action: "check", granted: false, reasons } as const;
    decide(db, actor, scan, { ...row, machineId: pinned });
    return { student: null, reasons, machines: [] };
  }

  const studentId = scan.student.id;
  const { clearances } = clearStudent(db, studentId, toDay(scan.at));
  const byMachine = new Map(clearances.map((c) => [c.machineId, c]));
  const open = q.listOpenSessions(db, filter);
  const tiles = machines.map((machine) => {
    const here = open.filter((s) => s.machineId === machine.id);
    const own = here.find((s) => s.student.id === studentId);
    return {
      machine,
      clearance: byMachine.get(machine.id)!,
      openSessions: here.length,
      full: here.length >= machine.capacity,
      ownSession: own
        ? { id: own.id, startedAt: own.startedAt, endedAt: null }
        : null,
    };
  });

  const granted = tiles.some((t) => t.clearance.cleared);
  const reasons = granted ? [] : tiles.flatMap((t) => t.clearance.reasons);
  const row = { action: "check", granted, reasons } as const;
  decide(db, actor, scan, { ...row, machineId: pinned });
  return { student: scan.student, reasons: [], machines: tiles };
}

export type Occupancy = {
  machine: q.MachineRow;
  sessions: { id: string; student: StudentSummary; startedAt: Date }[];
};

/** Machines with who is on them and since when; closes overdue sessions. */
export function listOccupancy(
  db: Db,
  filter: { area?: string; machineId?: number } = {},
  now: Date = new Date(),
): Occupancy[] {
  closeSessionsAtClosingTime(db, now);
  const machines = q.listMachines(db, filter);
  const open = q.listOpenSessions(db, filter);
  return machines.map((machine) => ({
    machine,
    sessions: open
      .filter((s) => s.machineId === machine.id)
      .map(({ id, student, startedAt }) => ({ id, student, startedAt })),
  }));
}

/**
 * Ends every open session whose area's closing time has passed since it
 * started, at that closing time ("ended automatically").
 */
export function closeSessionsAtClosingTime(db: Db, now: Date): number {
  const due = q
    .listOpenSessionsWithClosingTime(db)
    .map((s) => ({ id: s.id, at: closingAfter(s.startedAt, s.closingTime) }))
    .filter((s): s is { id: string; at: Date } => !!s.at && s.at <= now);
  if (due.length === 0) return 0;

  const system: Actor = { kind: "system" };
  db.transaction((tx) => {
    for (const s of due) {
      q.markEnded(tx, s.id, { endedAt: s.at, endKind: "auto", endedBy: null });
      writeAudit(tx, system, {
        action: "session.end",
        entityType: "machine_session",
        entityId: s.id,
        after: { endKind: "auto", endedAt: s.at },
      });
    }
  });
  return due.length;
}
