// Turns what the session services decide into the plain data the kiosk
// views draw: names, machines, and reasons in words with where to go next.
import type { Catalog } from "../clearance/service";
import type { Config } from "../config";
import type {
  AreaCheck,
  Occupancy,
  ScanOutcome,
  ScanReason,
  StudentSummary,
} from "../sessions/service";
import type { KioskMachine } from "../../views/kiosk/machine-tiles";
import type {
  KioskClearance,
  KioskDecision,
  KioskReason,
} from "../../views/kiosk/outcome";

const NEXT_STEP: Partial<Record<ScanReason["code"], string>> = {
  missing: "earn it at",
  expired: "renew it at",
  "lapsed-unused": "renew it at",
};

export function fullName(s: StudentSummary): string {
  return `${s.firstName} ${s.lastName}`;
}

// The kiosk's idle screen is seen by everyone in the shop.
export function shortName(s: StudentSummary): string {
  return `${s.firstName} ${s.lastName.slice(0, 1)}.`;
}

/** Each reason in plain words, with the badge page that says how to earn it. */
export function describeReasons(
  catalog: Catalog,
  config: Config,
  reasons: ScanReason[],
): KioskReason[] {
  return reasons.map((r) => {
    const step = NEXT_STEP[r.code];
    const badge = r.badge ? catalog.badgesBySlug.get(r.badge) : undefined;
    if (!step || !badge) return { code: r.code, text: r.message };
    const url = badge.criteriaUrl ?? `${config.publicUrl}/badges/${badge.slug}`;
    return { code: r.code, text: `${r.message} - ${step} ${url}` };
  });
}

export function toDecision(
  catalog: Catalog,
  config: Config,
  outcome: ScanOutcome,
  override = false,
): KioskDecision {
  const { student, machine } = outcome;
  return {
    result: outcome.result === "duplicate" ? "signed-in" : outcome.result,
    // an override's reasons are the ones it set aside
    override: override && outcome.result === "signed-in",
    student: student && { id: student.id, name: fullName(student) },
    machine: { id: machine.id, code: machine.code, name: machine.name },
    reasons:
      outcome.result === "denied"
        ? describeReasons(catalog, config, outcome.reasons)
        : [],
  };
}

/** A card the shared kiosk could not read, as a "Not cleared" decision. */
export function unknownCardDecision(check: AreaCheck): KioskDecision {
  return {
    result: "denied",
    override: false,
    student: null,
    machine: null,
    reasons: check.reasons.map((r) => ({ code: r.code, text: r.message })),
  };
}

export function toClearances(
  catalog: Catalog,
  config: Config,
  check: AreaCheck,
): KioskClearance[] {
  return check.machines.map((m) => {
    const { machine, clearance } = m;
    const ref = { id: machine.id, code: machine.code, name: machine.name };
    const state = m.ownSession
      ? "yours"
      : !clearance.cleared
        ? "denied"
        : m.full
          ? "full"
          : "ready";
    return {
      machine: ref,
      state,
      since: m.ownSession?.startedAt ?? null,
      reasons: describeReasons(catalog, config, clearance.reasons),
    };
  });
}

export function toMachines(
  occupancy: Occupancy[],
  nameOf: (s: StudentSummary) => string,
): KioskMachine[] {
  return occupancy.map(({ machine, sessions }) => ({
    id: machine.id,
    code: machine.code,
    name: machine.name,
    area: machine.area,
    inService: machine.inService,
    capacity: machine.capacity,
    occupants: sessions.map((s) => ({
      sessionId: s.id,
      studentName: nameOf(s.student),
      since: s.startedAt,
    })),
  }));
}
