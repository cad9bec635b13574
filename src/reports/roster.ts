// Machine roster: who is cleared for a machine (or each machine of an
// area) today, and who is one badge away. Candidates are loaded in bulk
// and each is decided by the same pure rules the kiosk uses.
import type { Db } from "../db/client";
import { loadCatalog, type Catalog } from "../clearance/service";
import { printRequirement, requirementSlugs } from "../clearance/requirement";
import { decideClearance, supersedes } from "../clearance/rules";
import type {
  AwardInfo,
  BadgeInfo,
  ClearanceInput,
  HoldInfo,
  MachineInfo,
  Reason,
} from "../clearance/types";
import { addDays, today, toDay, type Day } from "../lib/dates";
import { InvalidError } from "../lib/errors";
import { dayStart } from "./choices";
import { describeRoster, type Roster } from "./roster-rows";
import * as q from "./roster-queries";

export type RosterScope = { machine?: string | undefined; area?: string };

type Student = { status: "active" | "inactive"; awards: AwardInfo[] };

export type Cleared = {
  awardIds: number[];
  until: Day | null;
  onlyOn: string[] | null; // a machine hold keeps them off the others
};

/** The decisions for machines that share one requirement. */
export type DecidedGroup = {
  machines: MachineInfo[];
  cleared: Map<number, Cleared>;
  oneAway: Map<number, string[]>; // what is missing, one way or another
};

/**
 * The roster of one machine or of every machine of an area, on `at`, with
 * at most `limit` students per list (the counts are always complete).
 * An unknown machine or area is an InvalidError on its field.
 */
export function buildRoster(
  db: Db,
  scope: RosterScope,
  limit: number,
  at: Day = today(),
): Roster {
  const catalog = loadCatalog(db);
  const groups = groupByRequirement(pickMachines(catalog, scope));
  const relevant = new Set(groups.flatMap((g) => relevantBadges(catalog, g)));

  const lines = q.listAwardsOfBadges(db, [...relevant]);
  const inactive = q.listInactiveStudentIds(db);
  const people = studentsFrom(lines, inactive);
  if (groups.some((g) => g[0]!.requirement === null)) {
    for (const id of q.listAllStudentIds(db)) {
      if (!people.has(id)) people.set(id, student(id, inactive));
    }
  }
  const holds = holdsByStudent(q.listHoldsOn(db, at));
  const lastUses = loadLastUses(db, catalog, lines, at);
  const inputOf = (id: number, s: Student): ClearanceInput => ({
    at,
    student: { id, status: s.status },
    awards: s.awards,
    holds: holds.get(id) ?? [],
    badges: catalog.badges,
    badgesBySlug: catalog.badgesBySlug,
    lastUseByMachine: lastUses.get(id) ?? new Map(),
    machines: catalog.machines,
  });

  const decided = groups.map((machines) =>
    decideGroup(catalog, machines, people, inputOf),
  );
  return describeRoster(db, catalog, decided, lines, limit, at);
}

function pickMachines(catalog: Catalog, scope: RosterScope): MachineInfo[] {
  if (scope.machine) {
    const code = scope.machine.toLowerCase();
    const found = catalog.machines.find((m) => m.code.toLowerCase() === code);
    if (found) return [found];
    const message = `No machine has the code ${scope.machine}`;
    throw new InvalidError(message, { machine: message });
  }
  const inArea = catalog.machines.filter((m) => m.area === scope.area);
  if (inArea.length > 0) return inArea;
  const message = `No machine is in the area "${scope.area}"`;
  throw new InvalidError(message, { area: message });
}

function groupByRequirement(machines: MachineInfo[]): MachineInfo[][] {
  const groups = new Map<string, MachineInfo[]>();
  for (const m of machines) {
    const key = printRequirement(m.requirement);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

function leavesOf(catalog: Catalog, machine: MachineInfo): BadgeInfo[] {
  return requirementSlugs(machine.requirement)
    .map((slug) => catalog.badgesBySlug.get(slug))
    .filter((b): b is BadgeInfo => b !== undefined);
}

/** Badges that satisfy some leaf of the group's requirement. */
function relevantBadges(catalog: Catalog, machines: MachineInfo[]): number[] {
  const required = leavesOf(catalog, machines[0]!);
  return [...catalog.badges.values()]
    .filter((held) => required.some((r) => supersedes(held, r)))
    .map((b) => b.id);
}

function student(id: number, inactive: Set<number>): Student {
  return { status: inactive.has(id) ? "inactive" : "active", awards: [] };
}

function studentsFrom(
  lines: q.AwardLine[],
  inactive: Set<number>,
): Map<number, Student> {
  const people = new Map<number, Student>();
  for (const [
    studentId,
    id,
    badgeId,
    issuedOn,
    expiresOn,
    revokedAt,
  ] of lines) {
    let s = people.get(studentId);
    if (!s) people.set(studentId, (s = student(studentId, inactive)));
    s.awards.push({
      id,
      badgeId,
      issuedOn,
      expiresOn,
      revokedAt: revokedAt === null ? null : new Date(revokedAt),
      revokeReason: null, // the rules never read it
    });
  }
  return people;
}

function holdsByStudent(rows: q.HoldLine[]): Map<number, HoldInfo[]> {
  const out = new Map<number, HoldInfo[]>();
  for (const { studentId, liftedAt, ...hold } of rows) {
    const list = out.get(studentId) ?? [];
    const lifted = liftedAt === null ? null : new Date(liftedAt);
    list.push({ ...hold, liftedAt: lifted });
    out.set(studentId, list);
  }
  return out;
}

// Sessions matter only to badges that lapse unused: load the last uses of
// the students holding one of those, and nobody else.
function loadLastUses(
  db: Db,
  catalog: Catalog,
  lines: q.AwardLine[],
  at: Day,
): Map<number, Map<number, Day>> {
  const lapses = (badgeId: number) =>
    !!catalog.badges.get(badgeId)?.lapseUnusedMonths;
  const who = new Set(lines.filter((l) => lapses(l[2])).map((l) => l[0]));
  const before = dayStart(addDays(at, 1));
  const out = new Map<number, Map<number, Day>>();
  for (const [studentId, machineId, ms] of q.listLastUses(
    db,
    [...who],
    before,
  )) {
    const map = out.get(studentId) ?? new Map<number, Day>();
    map.set(machineId, toDay(new Date(ms)));
    out.set(studentId, map);
  }
  return out;
}

// A badge reason can be cured by a badge; a hold or inactivity cannot.
const BADGE_CODES = new Set(["missing", "expired", "revoked", "lapsed-unused"]);

function decideGroup(
  catalog: Catalog,
  machines: MachineInfo[],
  people: Map<number, Student>,
  inputOf: (id: number, s: Student) => ClearanceInput,
): DecidedGroup {
  // Out-of-service machines are judged as if in service: the roster says
  // who may use the machine once it is back (the page notes the state).
  const judged = machines.map((m) => ({ ...m, inService: true }));
  const ids = new Set(machines.map((m) => m.id));
  const relevant = new Set(relevantBadges(catalog, machines));
  const leaves = new Map(
    leavesOf(catalog, machines[0]!).map((b) => [b.slug, b]),
  );
  const needsNoBadge = machines[0]!.requirement === null;
  const out: DecidedGroup = {
    machines,
    cleared: new Map(),
    oneAway: new Map(),
  };

  for (const [id, s] of people) {
    if (!needsNoBadge && !s.awards.some((a) => relevant.has(a.badgeId))) {
      continue;
    }
    const input = inputOf(id, s);
    // A hold on one machine is the only thing that tells machines apart.
    const perMachine = input.holds.some(
      (h) => h.scope === "machine" && ids.has(h.machineId ?? -1),
    );
    const decisions = (perMachine ? judged : judged.slice(0, 1)).map((m) =>
      decideClearance(input, m),
    );
    const ok = decisions.filter((d) => d.cleared);
    if (ok.length > 0) {
      out.cleared.set(id, {
        awardIds: ok[0]!.satisfiedBy.map((u) => u.awardId),
        until: ok[0]!.earliestExpiry,
        onlyOn:
          ok.length < decisions.length
            ? ok.map((d) => machines.find((m) => m.id === d.machineId)!.code)
            : null,
      });
      continue;
    }
    const reasons = decisions[0]!.reasons;
    if (!reasons.every((r) => BADGE_CODES.has(r.code))) continue;
    const needs = oneBadgeAway(input, judged[0]!, reasons, leaves);
    if (needs.length > 0) out.oneAway.set(id, needs);
  }
  return out;
}

/**
 * Which single badge would clear the student. When every failing reason
 * names the same required badge, that badge alone makes every leaf true
 * (requirements only use "and" and "or"); otherwise each failing badge is
 * tried by deciding again with it awarded today.
 */
function oneBadgeAway(
  input: ClearanceInput,
  machine: MachineInfo,
  reasons: Reason[],
  leaves: Map<string, BadgeInfo>,
): string[] {
  const slugs = new Set(reasons.map((r) => r.required ?? r.badge ?? ""));
  const failing = [...slugs].map((slug) => leaves.get(slug));
  // a badge the catalog does not know: no award can cure that
  if (!failing.every((b) => b !== undefined)) return [];
  const cures =
    failing.length === 1
      ? failing
      : failing.filter((leaf) => clearsWith(input, machine, leaf!));
  return cures.map((leaf) => whatIsMissing(leaf, reasons));
}

function clearsWith(
  input: ClearanceInput,
  machine: MachineInfo,
  badge: BadgeInfo,
): boolean {
  const award: AwardInfo = {
    id: -1,
    badgeId: badge.id,
    issuedOn: input.at,
    expiresOn: null,
    revokedAt: null,
    revokeReason: null,
  };
  const trial = { ...input, awards: [...input.awards, award] };
  return decideClearance(trial, machine).cleared;
}

function whatIsMissing(leaf: BadgeInfo, reasons: Reason[]): string {
  const reason = reasons.find((r) => (r.required ?? r.badge) === leaf.slug);
  return reason?.message ?? `${leaf.name} is missing`;
}
