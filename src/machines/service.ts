import { listBadgeNames } from "../badges/queries";
import { invalidateCatalog } from "../clearance/service";
import {
  describeRequirement,
  printRequirement,
  requirementSlugs,
  validateRequirement,
} from "../clearance/requirement";
import type { Db } from "../db/client";
import { requireRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { InvalidError, NotFoundError } from "../lib/errors";
import * as q from "./queries";
import type { MachineFields, NewMachine, ServiceChange } from "./schemas";

export type RequirementWords =
  | { ok: true; words: string; archived: string[] }
  | { ok: false; message: string };

/** Checks a requirement against the badges and says it in words. */
export function checkRequirement(db: Db, text: string): RequirementWords {
  return requirementReader(db)(text);
}

// Reads the badges once, then checks any number of requirements.
function requirementReader(db: Db) {
  const badges = listBadgeNames(db);
  const known = new Set(badges.map((b) => b.slug));
  const names = new Map(badges.map((b) => [b.slug, b.name]));
  const archived = badges.filter((b) => b.archived);

  return (text: string): RequirementWords => {
    const result = validateRequirement(text, known);
    if (!result.ok) return { ok: false, message: result.message };

    const slugs = requirementSlugs(result.requirement);
    const words = describeRequirement(
      result.requirement,
      (slug) => names.get(slug) ?? slug,
    );
    return {
      ok: true,
      words,
      archived: archived
        .filter((b) => slugs.includes(b.slug))
        .map((b) => b.name),
    };
  };
}

export type MachineView = q.MachineRow & { requirementWords: RequirementWords };

/** Machines grouped by area, each with its closing time if one is set. */
export function listMachinesByArea(db: Db) {
  const rows = q.listMachines(db);
  const settings = new Map(
    q.listAreaSettings(db).map((s) => [s.area, s.closingTime]),
  );
  const areas = [...new Set([...rows.map((m) => m.area), ...settings.keys()])];
  areas.sort((a, b) => a.localeCompare(b));
  const read = requirementReader(db);

  return areas.map((area) => ({
    area,
    closingTime: settings.get(area) ?? null,
    machines: rows
      .filter((m) => m.area === area)
      .map((m) => ({ ...m, requirementWords: read(m.requirement) })),
  }));
}

/** One machine with its requirement in words. */
export function getMachine(db: Db, code: string): MachineView {
  const machine = q.findMachineByCode(db, code);
  if (!machine) throw new NotFoundError(`There is no machine "${code}".`);
  return {
    ...machine,
    requirementWords: checkRequirement(db, machine.requirement),
  };
}

export function listAreas(db: Db): string[] {
  return q.listAreas(db);
}

/** Adds a machine (admins); its requirement must name known badges. */
export function createMachine(db: Db, actor: Actor, input: NewMachine) {
  requireRole(actor, "admin", "Only admins define machines");
  if (q.findMachineByCode(db, input.code)) {
    throw new InvalidError("This code is taken", {
      code: `A machine with the code ${input.code} already exists`,
    });
  }
  const values = {
    code: input.code,
    ...machineValues(db, input),
    inService: true,
    outOfServiceReason: null,
  };

  const id = db.transaction((tx) => {
    const id = q.insertMachine(tx, values);
    writeAudit(tx, actor, {
      action: "machine.create",
      entityType: "machine",
      entityId: id,
      after: values,
    });
    return id;
  });
  invalidateCatalog(db);
  return { id, code: input.code };
}

/** Changes a machine's name, area, capacity or requirement; not its code. */
export function updateMachine(
  db: Db,
  actor: Actor,
  code: string,
  input: MachineFields,
) {
  requireRole(actor, "admin", "Only admins define machines");
  const before = getMachine(db, code);
  const values = machineValues(db, input);

  db.transaction((tx) => {
    q.updateMachine(tx, before.id, values);
    writeAudit(tx, actor, {
      action: "machine.update",
      entityType: "machine",
      entityId: before.id,
      before: {
        name: before.name,
        area: before.area,
        capacity: before.capacity,
        requirement: before.requirement,
      },
      after: values,
    });
  });
  invalidateCatalog(db);
}

/** Puts a machine in or out of service (supervisors); out needs a reason. */
export function setMachineService(
  db: Db,
  actor: Actor,
  code: string,
  change: ServiceChange,
) {
  requireRole(actor, "supervisor", "Only supervisors switch machines");
  const before = getMachine(db, code);
  const after =
    change.status === "in-service"
      ? { inService: true, outOfServiceReason: null }
      : { inService: false, outOfServiceReason: change.reason };
  if (
    before.inService === after.inService &&
    before.outOfServiceReason === after.outOfServiceReason
  ) {
    return;
  }

  db.transaction((tx) => {
    q.updateMachine(tx, before.id, after);
    writeAudit(tx, actor, {
      action: after.inService ? "machine.in-service" : "machine.out-of-service",
      entityType: "machine",
      entityId: before.id,
      before: {
        inService: before.inService,
        outOfServiceReason: before.outOfServiceReason,
      },
      after,
    });
  });
  invalidateCatalog(db);
}

/** Sets (or clears, with null) the time an area closes each day. */
export function setAreaClosingTime(
  db: Db,
  actor: Actor,
  input: { area: string; closingTime: string | null },
) {
  requireRole(actor, "admin", "Only admins change area settings");
  const before = q.findAreaSetting(db, input.area);
  if (!before && !q.listAreas(db).includes(input.area)) {
    throw new NotFoundError(`There is no area "${input.area}".`);
  }
  if ((before?.closingTime ?? null) === input.closingTime) return;

  db.transaction((tx) => {
    if (input.closingTime === null) q.deleteAreaSetting(tx, input.area);
    else q.saveAreaSetting(tx, { ...input, closingTime: input.closingTime });
    writeAudit(tx, actor, {
      action: "area.closing-time",
      entityType: "area",
      entityId: input.area,
      before: { closingTime: before?.closingTime ?? null },
      after: { closingTime: input.closingTime },
    });
  });
}

// The stored requirement is the canonical print of what was typed.
function machineValues(db: Db, input: MachineFields) {
  const badges = listBadgeNames(db);
  const known = new Set(badges.map((b) => b.slug));
  const result = validateRequirement(input.requirement, known);
  if (!result.ok) {
    throw new InvalidError(result.message, { requirement: result.message });
  }
  return {
    name: input.name,
    area: input.area,
    capacity: input.capacity,
    requirement: printRequirement(result.requirement),
  };
}
