// Loads what the clearance rules need and asks them. Badges and machines
// change rarely and are cached per database; a student costs one statement.
import type { Db } from "../db/client";
import { today, toDay, type Day } from "../lib/dates";
import { NotFoundError } from "../lib/errors";
import {
  findClearanceRow,
  listCatalogBadges,
  listCatalogMachines,
  readDataVersion,
} from "./queries";
import { parseRequirement, RequirementSyntaxError } from "./requirement";
import { decideClearance } from "./rules";
import type {
  AwardInfo,
  BadgeInfo,
  Clearance,
  ClearanceInput,
  HoldInfo,
  MachineInfo,
  Requirement,
} from "./types";

export type Catalog = {
  badges: Map<number, BadgeInfo>; // every badge, archived too, by id
  badgesBySlug: Map<string, BadgeInfo>;
  machines: MachineInfo[]; // by area, then code
  machinesByCode: Map<string, MachineInfo>;
};

type Cached = { catalog: Catalog; dataVersion: number };
let catalogs = new WeakMap<Db, Cached>();

/** Forgets the cached badges and machines; call after writing either. */
export function invalidateCatalog(db?: Db): void {
  if (db) catalogs.delete(db);
  else catalogs = new WeakMap();
}

/** Every badge and machine, with parsed requirements (cached). */
export function loadCatalog(db: Db): Catalog {
  return catalogAt(db, readDataVersion(db));
}

/** The machine with this code from the cached catalog, or null. */
export function findCatalogMachine(db: Db, code: string): MachineInfo | null {
  return loadCatalog(db).machinesByCode.get(code) ?? null;
}

// A changed data_version means another connection (the CLI) wrote.
function catalogAt(db: Db, dataVersion: number): Catalog {
  const cached = catalogs.get(db);
  if (cached && cached.dataVersion === dataVersion) return cached.catalog;

  const badgeList: BadgeInfo[] = listCatalogBadges(db);
  const machines = listCatalogMachines(db).map((m): MachineInfo => ({
    ...m,
    requirement: readRequirement(m.requirement),
  }));
  const catalog: Catalog = {
    badges: new Map(badgeList.map((b) => [b.id, b])),
    badgesBySlug: new Map(badgeList.map((b) => [b.slug, b])),
    machines,
    machinesByCode: new Map(machines.map((m) => [m.code, m])),
  };
  catalogs.set(db, { catalog, dataVersion });
  return catalog;
}

// Requirements are validated when saved; a stored one that no longer
// parses fails closed (nobody is cleared) instead of breaking every page.
function readRequirement(text: string): Requirement | null {
  try {
    return parseRequirement(text);
  } catch (error) {
    if (!(error instanceof RequirementSyntaxError)) throw error;
    return { kind: "badge", slug: "unreadable-requirement" };
  }
}

/**
 * Everything the rules need about one student on day `at`, in one SQL
 * statement (plus the catalog when it is not cached). Throws NotFoundError
 * for an unknown student.
 */
export function loadClearanceInput(
  db: Db,
  studentId: number,
  at: Day = today(),
): ClearanceInput {
  const row = findClearanceRow(db, studentId, startOfNextDay(at));
  if (!row) throw new NotFoundError("Student not found");
  const catalog = catalogAt(db, row.dataVersion);

  const lastUseByMachine = new Map<number, Day>(
    (JSON.parse(row.lastUses) as [number, number][]).map(([id, ms]) => [
      id,
      toDay(new Date(ms)),
    ]),
  );
  return {
    at,
    student: { id: row.id, status: row.status },
    awards: (JSON.parse(row.awards) as AwardTuple[]).map(toAward),
    holds: (JSON.parse(row.holds) as HoldTuple[]).map(toHold),
    badges: catalog.badges,
    badgesBySlug: catalog.badgesBySlug,
    lastUseByMachine,
    machines: catalog.machines,
  };
}

/** The student's clearance for every machine on day `at`. */
export function clearStudent(
  db: Db,
  studentId: number,
  at: Day = today(),
): { input: ClearanceInput; clearances: Clearance[] } {
  const input = loadClearanceInput(db, studentId, at);
  const clearances = input.machines.map((m) => decideClearance(input, m));
  return { input, clearances };
}

/** The student's clearance for one machine; NotFoundError if unknown. */
export function clearStudentForMachine(
  db: Db,
  studentId: number,
  machineId: number,
  at: Day = today(),
): Clearance {
  const input = loadClearanceInput(db, studentId, at);
  const machine = input.machines.find((m) => m.id === machineId);
  if (!machine) throw new NotFoundError("Machine not found");
  return decideClearance(input, machine);
}

// Local midnight after `at`, in epoch ms: sessions started before it count.
// Every check asks for the same day, so the latest answer is kept.
let nextDay = { at: "", ms: 0 };

function startOfNextDay(at: Day): number {
  if (nextDay.at !== at) {
    const [y, m, d] = at.split("-").map(Number);
    nextDay = { at, ms: new Date(y!, m! - 1, d! + 1).getTime() };
  }
  return nextDay.ms;
}

type AwardTuple = [
  number,
  number,
  string,
  string | null,
  number | null,
  string | null,
];
type HoldTuple = [
  number,
  HoldInfo["scope"],
  number | null,
  string | null,
  string,
  string,
  string | null,
  number | null,
];

function toAward([
  id,
  badgeId,
  issuedOn,
  expiresOn,
  revokedAt,
  revokeReason,
]: AwardTuple): AwardInfo {
  return {
    id,
    badgeId,
    issuedOn,
    expiresOn,
    revokedAt: revokedAt === null ? null : new Date(revokedAt),
    revokeReason,
  };
}

function toHold(t: HoldTuple): HoldInfo {
  const [id, scope, machineId, track, reason, startsOn, endsOn, liftedAt] = t;
  return {
    id,
    scope,
    machineId,
    track,
    reason,
    startsOn,
    endsOn,
    liftedAt: liftedAt === null ? null : new Date(liftedAt),
  };
}
