// One scan's journey: read the card, decide, write the session and the
// decision row. The exported verbs in service.ts put these steps together.
import { randomUUID } from "node:crypto";
import { clearStudentForMachine } from "../clearance/service";
import type { Config } from "../config";
import { resolveCredential } from "../credentials/service";
import type { Db } from "../db/client";
import {
  queueDecision,
  recordDecision,
  type CredentialKind,
  type DecisionAction,
} from "../decisions/service";
import type { Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { toDay } from "../lib/dates";
import {
  machineSummary,
  occupiedReason,
  replacedCardReason,
  unknownCardReason,
  type ScanOutcome,
  type ScanReason,
  type StudentSummary,
} from "./outcomes";
import * as q from "./queries";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Writer = Pick<Db, "select" | "insert" | "update">;

export type Scan = {
  machine: q.MachineRow;
  studentId: number | null; // known even for a replaced card (logged)
  student: StudentSummary | null; // shown: null for unknown or replaced
  credentialKind: CredentialKind;
  credentialHash: string | null;
  at: Date;
  deviceId: number | null;
};

/** Resolves what was scanned at a machine into a Scan. */
export function readScan(
  db: Db,
  config: Config,
  machine: q.MachineRow,
  input: { scanned: string; now?: Date; deviceId?: number | null },
): Scan {
  const card = resolveCredential(db, config, input.scanned);
  const known = card.kind === "token" || card.kind === "student-number";
  return {
    machine,
    studentId: "studentId" in card ? card.studentId : null,
    student: known ? q.findStudent(db, card.studentId) : null,
    credentialKind: card.kind,
    credentialHash: "hash" in card ? card.hash : null,
    at: input.now ?? new Date(),
    deviceId: input.deviceId ?? null,
  };
}

export function cardReasons(kind: CredentialKind): ScanReason[] {
  if (kind === "unknown") return [unknownCardReason()];
  if (kind === "replaced") return [replacedCardReason()];
  return [];
}

export function outcome(
  scan: Scan,
  result: ScanOutcome["result"],
  more: Partial<ScanOutcome> = {},
): ScanOutcome {
  return {
    result,
    student: scan.student,
    machine: machineSummary(scan.machine),
    reasons: [],
    session: null,
    clearance: null,
    credentialKind: scan.credentialKind,
    ...more,
  };
}

type DecisionInput = {
  action: DecisionAction;
  granted: boolean;
  reasons: ScanReason[];
  machineId?: number | null; // an area check names no machine
};

function toDecision(scan: Scan, d: DecisionInput) {
  return {
    at: scan.at,
    action: d.action,
    granted: d.granted,
    machineId: d.machineId === undefined ? scan.machine.id : d.machineId,
    studentId: scan.studentId,
    reasonCodes: d.reasons.map((r) => r.code),
    credentialKind: scan.credentialKind,
    credentialHash: scan.credentialHash,
    deviceId: scan.deviceId,
  };
}

/** Writes the scan's row in the decision log. */
export function decide(tx: Writer, actor: Actor, scan: Scan, d: DecisionInput) {
  recordDecision(tx, actor, toDecision(scan, d));
}

/** Logs a decision that writes nothing else, batched with others. */
export function decideLater(
  db: Db,
  actor: Actor,
  scan: Scan,
  d: DecisionInput,
) {
  queueDecision(db, actor, toDecision(scan, d));
}

/** An unknown or replaced card: logged and denied. */
export function denyCard(
  db: Db,
  actor: Actor,
  scan: Scan,
  action: DecisionAction,
): ScanOutcome {
  const reasons = cardReasons(scan.credentialKind);
  // an API access check writes nothing else: its row may wait (batch.ts)
  const log = action === "check" ? decideLater : decide;
  log(db, actor, scan, { action, granted: false, reasons });
  return outcome(scan, "denied", { reasons });
}

export type Override = { by: number; reason: string };

/**
 * Signs the scanned student in. Clearance, capacity and the insert share
 * one immediate transaction, so racing sign-ins cannot overfill a machine.
 */
export function signIn(
  db: Db,
  actor: Actor,
  scan: Scan,
  override?: Override,
): ScanOutcome {
  const { machine, at } = scan;
  const studentId = scan.studentId!;
  const action = override ? "override" : "sign-in";
  const run = (tx: Tx): ScanOutcome => {
    const open = q.findOpenSession(tx, machine.id, studentId);
    if (open) {
      decide(tx, actor, scan, { action, granted: true, reasons: [] });
      const session = { id: open.id, startedAt: open.startedAt, endedAt: null };
      return outcome(scan, "signed-in", { session, existing: true });
    }

    // same connection, so this read is inside the transaction
    const clearance = clearStudentForMachine(
      db,
      studentId,
      machine.id,
      toDay(at),
    );
    if (!clearance.cleared && !override) {
      const reasons = clearance.reasons;
      decide(tx, actor, scan, { action, granted: false, reasons });
      return outcome(scan, "denied", { reasons, clearance });
    }
    if (q.countOpenSessions(tx, machine.id) >= machine.capacity) {
      const reasons = [occupiedReason(machine)];
      decide(tx, actor, scan, { action, granted: false, reasons });
      return outcome(scan, "denied", { reasons, clearance });
    }

    const session = { id: randomUUID(), startedAt: at, endedAt: null };
    q.insertSession(tx, {
      id: session.id,
      machineId: machine.id,
      studentId,
      startedAt: at,
      deviceId: actor.kind === "device" ? actor.id : scan.deviceId,
      startedBy: actor.kind === "user" ? actor.id : null,
      overrideBy: override?.by ?? null,
      overrideReason: override?.reason ?? null,
    });
    writeAudit(tx, actor, {
      action: override ? "session.override" : "session.start",
      entityType: "machine_session",
      entityId: session.id,
      after: { machineId: machine.id, studentId, override },
    });
    // an override logs the reasons it set aside
    const reasons = override ? clearance.reasons : [];
    decide(tx, actor, scan, { action, granted: true, reasons });
    return outcome(scan, "signed-in", { session, clearance, reasons });
  };
  return db.transaction(run, { behavior: "immediate" });
}

/** Ends the scanned student's open session on the machine. */
export function signOut(
  db: Db,
  actor: Actor,
  scan: Scan,
  open: { id: string; startedAt: Date },
): ScanOutcome {
  return db.transaction((tx) => {
    q.markEnded(tx, open.id, {
      endedAt: scan.at,
      endKind: "scan",
      endedBy: actor.kind === "user" ? actor.id : null,
    });
    writeAudit(tx, actor, {
      action: "session.end",
      entityType: "machine_session",
      entityId: open.id,
      after: { endKind: "scan", endedAt: scan.at },
    });
    decide(tx, actor, scan, {
      action: "sign-out",
      granted: true,
      reasons: [],
    });
    const session = { id: open.id, startedAt: open.startedAt };
    return outcome(scan, "signed-out", {
      session: { ...session, endedAt: scan.at },
    });
  });
}
