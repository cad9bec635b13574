import type { Db } from "../db/client";
import type { CREDENTIAL_KINDS, DECISION_ACTIONS } from "../db/schema";
import type { Actor } from "../lib/actor";
import { flushDecisions, queueDecisionRow } from "./batch";
import * as q from "./queries";

type Tx = Pick<Db, "select" | "insert">;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export type Decision = {
  at: Date;
  action: DecisionAction;
  granted: boolean;
  machineId: number | null;
  studentId: number | null;
  reasonCodes: string[];
  credentialKind: CredentialKind;
  // the short hash of an unknown or replaced card; never the token
  credentialHash: string | null;
  // the kiosk a staff member scanned at, when the actor is that member
  deviceId?: number | null;
};

function toRow(actor: Actor, d: Decision): q.DecisionRow {
  return {
    at: d.at,
    action: d.action,
    granted: d.granted,
    machineId: d.machineId,
    studentId: d.studentId,
    reasonCodes: d.reasonCodes,
    credentialKind: d.credentialKind,
    credentialHash: d.credentialHash,
    deviceId: actor.kind === "device" ? actor.id : (d.deviceId ?? null),
    userId: actor.kind === "user" ? actor.id : null,
  };
}

/** Writes one row of the decision log; call it in the scan's transaction. */
export function recordDecision(tx: Tx, actor: Actor, d: Decision): void {
  q.insertDecision(tx, toRow(actor, d));
}

/**
 * Logs a decision that writes nothing else (an API access check): queued
 * and written with others after this turn of the event loop.
 */
export function queueDecision(db: Db, actor: Actor, d: Decision): void {
  queueDecisionRow(db, toRow(actor, d));
}

/** True when the same card was decided at this machine within `ms`. */
export function wasJustScanned(
  db: Db,
  scan: {
    machineId: number;
    studentId: number | null;
    credentialHash: string | null;
    at: Date;
  },
  ms: number,
): boolean {
  flushDecisions(db);
  const row = q.findLatestAtMachine(db, {
    ...scan,
    after: new Date(scan.at.getTime() - ms),
    until: scan.at,
  });
  return row !== null;
}

/** The latest scan of a student by this device or staff member, if recent. */
export function findRecentScan(
  db: Db,
  actor: Actor,
  scan: { studentId: number; deviceId?: number | null; at: Date },
  ms: number,
) {
  const deviceId = actor.kind === "device" ? actor.id : (scan.deviceId ?? null);
  const userId = actor.kind === "user" ? actor.id : null;
  if (deviceId === null && userId === null) return null;
  flushDecisions(db);
  return q.findLatestScanOf(db, {
    studentId: scan.studentId,
    deviceId,
    userId,
    after: new Date(scan.at.getTime() - ms),
  });
}

/** The latest decisions, newest first (decision log views and tests). */
export function listDecisions(db: Db, limit = 100) {
  flushDecisions(db);
  return q.listDecisions(db, limit);
}
