// The shapes the kiosk and the device API get back from a scan, and the
// reasons that are about the card or the machine rather than the badges.
import type { Clearance, Reason, ReasonCode } from "../clearance/types";
import type { CredentialKind } from "../decisions/service";
import type { Actor } from "../lib/actor";
import { ForbiddenError } from "../lib/errors";
import type { MachineRow } from "./queries";

export type ScanReasonCode =
  ReasonCode | "unknown-credential" | "replaced-credential" | "occupied";

export type ScanReason = Omit<Reason, "code"> & { code: ScanReasonCode };

export type StudentSummary = {
  id: number;
  number: string;
  firstName: string;
  lastName: string;
};

export type MachineSummary = {
  id: number;
  code: string;
  name: string;
  area: string;
};

export type SessionSummary = {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
};

/** What one scan (or tap, or override) did at a machine. */
export type ScanOutcome = {
  result: "signed-in" | "signed-out" | "denied" | "duplicate";
  student: StudentSummary | null;
  machine: MachineSummary;
  reasons: ScanReason[];
  session: SessionSummary | null;
  clearance: Clearance | null;
  credentialKind: CredentialKind | null;
  // true when the student already had this open session (API: 200)
  existing?: boolean;
};

export function unknownCardReason(): ScanReason {
  return {
    code: "unknown-credential",
    message: "This card is not known here",
  };
}

export function replacedCardReason(): ScanReason {
  return { code: "replaced-credential", message: "This card was replaced" };
}

export function occupiedReason(machine: MachineRow): ScanReason {
  const message =
    machine.capacity > 1
      ? `All ${machine.capacity} places on ${machine.name} are taken`
      : `${machine.name} is in use by someone else`;
  return { code: "occupied", message };
}

export function machineSummary(m: MachineRow): MachineSummary {
  return { id: m.id, code: m.code, name: m.name, area: m.area };
}

export function sessionSummary(s: {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
}): SessionSummary {
  return { id: s.id, startedAt: s.startedAt, endedAt: s.endedAt };
}

/** A device may act only in its area, and a pinned one only at its machine. */
export function assertDeviceMayUse(
  actor: Actor,
  machine: { id: number; area: string },
): void {
  if (actor.kind !== "device") return;
  if (actor.machineId !== null && actor.machineId !== machine.id) {
    throw new ForbiddenError("This device is pinned to another machine");
  }
  if (actor.area !== null && actor.area !== machine.area) {
    throw new ForbiddenError("This device belongs to another area");
  }
}

/**
 * The first closing instant after a session started ("HH:MM" local time),
 * or null when the setting is not a time.
 */
export function closingAfter(startedAt: Date, closingTime: string) {
  const match = /^(\d{2}):(\d{2})$/.exec(closingTime);
  if (!match) return null;
  const at = new Date(startedAt);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at <= startedAt) at.setDate(at.getDate() + 1);
  return at;
}
