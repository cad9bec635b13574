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
  Requirement,
} from "../clearance/types";
import { addDays, today, toDay, type Day } from "../lib/dates";
import { InvalidError } from "../lib/errors";
import { dayStart } from "./choices";
import { describeRoster, type Roster } from "./roster-rows";
import * as q from "./roster-queries";

export type RosterScope = { machine?: string | undefined; area?: string };

type Student = { status: "active" | "inactive"; awards: AwardInfo[] };

const NO_HOLDS: HoldInfo[] = [];
const NO_USES = new Map<number, Day>();

export type Cleared = {
  awardIds: number[];
  until: Day | null;
  onlyOn: string[] | null; // a machine hold keeps them off the others
};

export type Verdict =
  | { list: "cleared"; cleared: Cleared }
  | { list: "one-away"; needs: string[] } // what is missing, one way or another
  | null;

/**
 * Machines that share one requirement, the students who might be on
 * their lists, and the judge that asks the rules about one of them.
 */
export type RosterGroupJudge = {
  machines: MachineInfo[];
  // student id -> whether they hold every badge needed (so may be cleared)
  candidates: Map<number, boolean>;
  judge: (studentId: number) => Verdict;
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
  // One input per student for every group: the rules memoise each badge's
  // evaluation per input, so a badge shared by many machines is judged once.
  const inputs = new Map<number, ClearanceInput>();
  const inputOf = (id: number, s: Student): ClearanceInput => {
    let input = inputs.get(id);
    if (input) return input;
    input = {
      at,
      student: { id, status: s.status },
      awards: s.awards,
      holds: holds.get(id) ?? NO_HOLDS,
      badges: catalog.badges,
      badgesBySlug: catalog.badgesBySlug,
      lastUseByMachine: lastUses.get(id) ?? NO_USES,
      machines: catalog.machines,
    };
    inputs.set(id, input);
    return input;
  };

  // An area's roster lists who is cleared; who is one badge away is on
  // each machine's own roster (an area would repeat it for every group).
  const withOneAway = groups.length === 1 && scope.machine !== undefined;
  const judges = groups.map((machines) =>
    judgeGroup(catalog, machines, people, inputOf, withOneAway),
  );
  return describeRoster(db, catalog, judges, lines, limit, at, withOneAway);
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

function judgeGroup(
  catalog: Catalog,
  machines: MachineInfo[],
  people: Map<number, Student>,
  inputOf: (id: number, s: Student) => ClearanceInput,
  withOneAway: boolean,
): RosterGroupJudge {
  const requirement = machines[0]!.requirement;
  const leaves = leavesOf(catalog, machines[0]!);
  // Which leaves a student holds (valid or not), as bits: leaf i is bit i
  // (past 30 leaves every bit is set, which only turns the filter off).
  const bit = new Map(leaves.map((b, i) => [b.slug, i < 30 ? 1 << i : -1]));
  const bitsOfBadge = leafBitsByBadge(catalog, leaves, bit);
  const holds = (bits: number) => (slug: string) =>
    ((bit.get(slug) ?? 0) & bits) !== 0;

  // Holding the badges (valid or not) is necessary: students who could be
  // neither cleared nor one badge away are never put to the rules.
  const candidates = new Map<number, boolean>();
  for (const [id, s] of people) {
    let bits = 0;
    for (const a of s.awards) bits |= bitsOfBadge.get(a.badgeId) ?? 0;
    const mayClear = satisfiedBy(requirement, holds(bits));
    const mayBeOneAway =
      withOneAway &&
      leaves.some((leaf) =>
        satisfiedBy(requirement, holds(bits | bit.get(leaf.slug)!)),
      );
    if (mayClear || mayBeOneAway) candidates.set(id, mayClear);
  }

  const judge = (id: number): Verdict => {
    const input = inputOf(id, people.get(id)!);
    return judgeStudent(input, machines, withOneAway ? leaves : []);
  };
  return { machines, candidates, judge };
}

function judgeStudent(
  input: ClearanceInput,
  machines: MachineInfo[],
  leaves: BadgeInfo[],
): Verdict {
  // Out-of-service machines are judged as if in service: the roster says
  // who may use the machine once it is back (the page notes the state).
  const judged = machines.map((m) => ({ ...m, inService: true }));
  // A hold on one machine is the only thing that tells machines apart.
  const perMachine = input.holds.some(
    (h) => h.scope === "machine" && machines.some((m) => m.id === h.machineId),
  );
  const decisions = (perMachine ? judged : judged.slice(0, 1)).map((m) =>
    decideClearance(input, m),
  );
  const ok = decisions.filter((d) => d.cleared);
  if (ok.length > 0) {
    const codes = ok.map((d) => machines.find((m) => m.id === d.machineId)!);
    return {
      list: "cleared",
      cleared: {
        awardIds: ok[0]!.satisfiedBy.map((u) => u.awardId),
        until: ok[0]!.earliestExpiry,
        onlyOn: ok.length < decisions.length ? codes.map((m) => m.code) : null,
      },
    };
  }
  const reasons = decisions[0]!.reasons;
  if (leaves.length === 0) return null;
  if (!reasons.every((r) => BADGE_CODES.has(r.code))) return null;
  const needs = oneBadgeAway(input, judged[0]!, reasons, leaves);
  return needs.length > 0 ? { list: "one-away", needs } : null;
}

/** For each badge, the requirement's leaves it satisfies, as bits. */
function leafBitsByBadge(
  catalog: Catalog,
  leaves: BadgeInfo[],
  bit: Map<string, number>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const badge of catalog.badges.values()) {
    let bits = 0;
    for (const leaf of leaves) {
      if (supersedes(badge, leaf)) bits |= bit.get(leaf.slug)!;
    }
    if (bits !== 0) out.set(badge.id, bits);
  }
  return out;
}

/** The requirement as plain logic over the badges held, dates aside. */
function satisfiedBy(
  req: Requirement | null,
  held: (slug: string) => boolean,
): boolean {
  if (req === null) return true;
  if (req.kind === "badge") return held(req.slug);
  if (req.kind === "and") return req.items.every((r) => satisfiedBy(r, held));
  return req.items.some((r) => satisfiedBy(r, held));
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
  leafList: BadgeInfo[],
): string[] {
  const leaves = new Map(leafList.map((b) => [b.slug, b]));
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
