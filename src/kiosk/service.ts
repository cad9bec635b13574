// The kiosk screen's verbs: what one scan or tap at a kiosk means (a
// machine tag, a card at a machine, a card at a shared kiosk), put
// together from the session services.
import { loadCatalog } from "../clearance/service";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { hasRole, type Actor } from "../lib/actor";
import { ForbiddenError, NotFoundError } from "../lib/errors";
import {
  checkStudentAtArea,
  listOccupancy,
  overrideSignIn,
  requireMachineByCode,
  scanAtMachine,
  signInStudent,
  type ScanOutcome,
} from "../sessions/service";
import type { KioskMachine } from "../../views/kiosk/machine-tiles";
import type { KioskAnswer } from "../../views/kiosk/answer";
import type { KioskDecision } from "../../views/kiosk/outcome";
import {
  fullName,
  shortName,
  toClearances,
  toDecision,
  toMachines,
  unknownCardDecision,
} from "./answers";
import { findStudent } from "../sessions/queries";
import type { ScanForm } from "./schemas";
import { machineTagCode } from "./tags";

/** Where a kiosk works: a paired device's machine or area, or staff's pick. */
export type KioskScope = {
  deviceId: number | null;
  deviceName: string | null;
  machineId: number | null; // pinned
  area: string | null;
};

export type KioskScreen =
  | { kind: "choose-area"; areas: string[] }
  | {
      kind: "kiosk";
      title: string;
      pinned: { code: string; name: string } | null;
      area: string;
      machines: KioskMachine[];
    };

export type { KioskAnswer };

/** Every area that has a machine, in order. */
export function listAreas(db: Db): string[] {
  const areas = loadCatalog(db).machines.map((m) => m.area);
  return [...new Set(areas)].sort();
}

/** What the kiosk shows when ready; staff without an area choose one. */
export function openKiosk(db: Db, scope: KioskScope): KioskScreen {
  const machines = kioskMachines(db, scope);
  const pinned = scope.machineId !== null ? machines[0] : undefined;
  if (pinned) {
    return {
      kind: "kiosk",
      title: scope.deviceName ?? pinned.name,
      pinned: { code: pinned.code, name: pinned.name },
      area: pinned.area,
      machines,
    };
  }
  if (scope.area === null || machines.length === 0) {
    return { kind: "choose-area", areas: listAreas(db) };
  }
  return {
    kind: "kiosk",
    title: scope.deviceName ?? `${scope.area} kiosk`,
    pinned: null,
    area: scope.area,
    machines,
  };
}

/** The kiosk's machines with who is on them (first name, initial). */
export function kioskMachines(db: Db, scope: KioskScope): KioskMachine[] {
  if (scope.machineId === null && scope.area === null) return [];
  const filter =
    scope.machineId !== null
      ? { machineId: scope.machineId }
      : { area: scope.area! };
  return toMachines(listOccupancy(db, filter), shortName);
}

// A machine this kiosk may act for, or the words saying why not.
function findKioskMachine(db: Db, scope: KioskScope, code: string) {
  let machine;
  try {
    machine = requireMachineByCode(db, code);
  } catch (error) {
    if (error instanceof NotFoundError) return `There is no machine ${code}`;
    throw error;
  }
  if (scope.machineId !== null && machine.id !== scope.machineId) {
    return `This kiosk signs in to one machine only, not ${machine.name}`;
  }
  if (scope.area !== null && machine.area !== scope.area) {
    return `${machine.name} is in ${machine.area}, not here`;
  }
  return machine;
}

function requireKioskMachine(db: Db, scope: KioskScope, code: string) {
  const found = findKioskMachine(db, scope, code);
  if (typeof found === "string") throw new ForbiddenError(found);
  return found;
}

function canOverride(actor: Actor): boolean {
  return actor.kind === "user" && hasRole(actor, "supervisor");
}

function decision(
  db: Db,
  config: Config,
  actor: Actor,
  outcome: ScanOutcome,
  override = false,
): KioskAnswer {
  if (outcome.result === "duplicate") return { kind: "duplicate" };
  const catalog = loadCatalog(db);
  return {
    kind: "decision",
    decision: toDecision(catalog, config, outcome, override),
    canOverride: canOverride(actor),
  };
}

/**
 * One scan at a kiosk: a machine tag chooses the machine (or signs in the
 * student on screen); a card decides at the chosen machine, or shows the
 * student's clearances when none is chosen.
 */
export function scanAtKiosk(
  db: Db,
  config: Config,
  actor: Actor,
  scope: KioskScope,
  form: ScanForm,
): KioskAnswer {
  const deviceId = scope.deviceId;
  const tag = machineTagCode(form.scanned);
  if (tag !== null) {
    const machine = findKioskMachine(db, scope, tag);
    if (typeof machine === "string")
      return { kind: "notice", message: machine };
    if (form.student === undefined) return { kind: "machine", machine };
    const input = { machineId: machine.id, studentId: form.student, deviceId };
    return decision(db, config, actor, signInStudent(db, config, actor, input));
  }

  const code = form.machine;
  if (scope.machineId !== null || code !== undefined) {
    const machine =
      scope.machineId !== null
        ? { id: scope.machineId }
        : findKioskMachine(db, scope, code!);
    if (typeof machine === "string")
      return { kind: "notice", message: machine };
    const input = { machineId: machine.id, scanned: form.scanned, deviceId };
    return decision(db, config, actor, scanAtMachine(db, config, actor, input));
  }

  if (scope.area === null) {
    return { kind: "notice", message: "Choose this kiosk's area first" };
  }
  const area = scope.area;
  const check = checkStudentAtArea(db, config, actor, {
    area,
    scanned: form.scanned,
    deviceId,
  });
  if (!check.student) {
    const denied = unknownCardDecision(check);
    return { kind: "decision", decision: denied, canOverride: false };
  }
  return {
    kind: "clearances",
    student: { id: check.student.id, name: fullName(check.student) },
    area,
    clearances: toClearances(loadCatalog(db), config, check),
  };
}

/** A tap on a cleared machine tile: signs in the student scanned before. */
export function tapToSignIn(
  db: Db,
  config: Config,
  actor: Actor,
  scope: KioskScope,
  input: { machine: string; student: number },
): KioskAnswer {
  const machine = requireKioskMachine(db, scope, input.machine);
  const outcome = signInStudent(db, config, actor, {
    machineId: machine.id,
    studentId: input.student,
    deviceId: scope.deviceId,
  });
  return decision(db, config, actor, outcome);
}

/** A supervisor at the kiosk signs a denied student in, with a reason. */
export function overrideAtKiosk(
  db: Db,
  config: Config,
  actor: Actor,
  scope: KioskScope,
  input: { machine: string; student: number; reason: string },
): KioskAnswer {
  const machine = requireKioskMachine(db, scope, input.machine);
  const outcome = overrideSignIn(db, actor, {
    machineId: machine.id,
    studentId: input.student,
    reason: input.reason,
    deviceId: scope.deviceId,
  });
  return decision(db, config, actor, outcome, true);
}

/** The denied decision again, for an override form sent without a reason. */
export function overrideFormAgain(
  db: Db,
  actor: Actor,
  scope: KioskScope,
  input: { machine: string; student: number },
): KioskDecision {
  const machine = requireKioskMachine(db, scope, input.machine);
  const student = findStudent(db, input.student);
  if (!student || !canOverride(actor)) {
    throw new ForbiddenError("Scan the student's card again");
  }
  return {
    result: "denied",
    override: false,
    student: { id: student.id, name: fullName(student) },
    machine: { id: machine.id, code: machine.code, name: machine.name },
    reasons: [],
  };
}
