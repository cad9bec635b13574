// Machine roster: who is cleared for a machine (or each machine of an
// area) today, and who is one badge away. Candidates are loaded in bulk
// and each is decided by the same pure rules the kiosk uses.
import type { Db } from "../db/client";
import { loadCatalog, type Catalog } from "../clearance/service";
import {
  describeRequirement,
  printRequirement,
  requirementSlugs,
} from "../clearance/requirement";
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
import type { CsvRow } from "./csv";
import * as q from "./roster-queries";

export type RosterScope = { machine?: string | undefined; area?: string };

export type RosterAward = {
  badge: string;
  issuedOn: Day;
  expiresOn: Day | null;
  assessor: string;
};
export type StudentLine = {
  studentId: number;
  number: string;
  name: string; // "Last, First"
  lastName: string;
  firstName: string;
  email: string;
};
export type ClearedRow = StudentLine & {
  awards: RosterAward[];
  clearedUntil: Day | null;
  onlyOn: string[] | null; // a machine hold keeps them off the others
};
export type OneAwayRow = StudentLine & { needs: string[] };
export type RosterGroup = {
  machines: Pick<
    MachineInfo,
    "code" | "name" | "inService" | "outOfServiceReason"
  >[];
  requirement: string;
  needsNoBadge: boolean;
  cleared: ClearedRow[];
  oneAway: OneAwayRow[];
};
export type Roster = { at: Day; groups: RosterGroup[] };

type Student = {
  status: "active" | "inactive";
  awards: AwardInfo[];
};

/**
 * The roster of one machine or of every machine of an area, on `at`.
 * Machines with the same requirement share one table. An unknown machine
 * or area is an InvalidError on its field.
 */
export function buildRoster(
  db: Db,
  scope: RosterScope,
  at: Day = today(),
): Roster {
  const catalog = loadCatalog(db);
  const groups = groupByRequirement(pickMachines(catalog, scope));
  const relevant = new Set(groups.flatMap((g) => relevantBadges(catalog, g)));

  const lines = q.listAwardsOfBadges(db, [...relevant]);
  const people = studentsFrom(lines);
  if (groups.some((g) => g[0]!.requirement === null)) {
    for (const [id, status] of q.listStudentStatuses(db)) {
      if (!people.has(id)) people.set(id, { status, awards: [] });
    }
  }
  const holds = holdsByStudent(q.listHoldsOn(db, at));
  const lastUses = loadLastUses(db, catalog, lines, relevant, at);
  const inputOf = (id: number): ClearanceInput => ({
    at,
    student: { id, status: people.get(id)!.status },
    awards: people.get(id)!.awards,
    holds: holds.get(id) ?? [],
    badges: catalog.badges,
    badgesBySlug: catalog.badgesBySlug,
    lastUseByMachine: lastUses.get(id) ?? new Map(),
    machines: catalog.machines,
  });

  const decided = groups.map((machines) =>
    decideGroup(catalog, machines, people, inputOf),
  );
  return { at, groups: describeGroups(db, catalog, decided, lines) };
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

/** Badges that satisfy some leaf of the group's requirement. */
function relevantBadges(catalog: Catalog, machines: MachineInfo[]): number[] {
  const required = requirementSlugs(machines[0]!.requirement)
    .map((slug) => catalog.badgesBySlug.get(slug))
    .filter((b): b is BadgeInfo => b !== undefined);
  return [...catalog.badges.values()]
    .filter((held) => required.some((r) => supersedes(held, r)))
    .map((b) => b.id);
}

function studentsFrom(lines: q.AwardLine[]): Map<number, Student> {
  const people = new Map<number, Student>();
  for (const line of lines) {
    let s = people.get(line.studentId);
    if (!s)
      people.set(line.studentId, (s = { status: line.status, awards: [] }));
    s.awards.push({
      id: line.id,
      badgeId: line.badgeId,
      issuedOn: line.issuedOn,
      expiresOn: line.expiresOn,
      revokedAt: line.revokedAt === null ? null : new Date(line.revokedAt),
      revokeReason: line.revokeReason,
    });
  }
  return people;
}

function holdsByStudent(rows: q.HoldLine[]): Map<number, HoldInfo[]> {
  const out = new Map<number, HoldInfo[]>();
  for (const { studentId, liftedAt, ...hold } of rows) {
    const list = out.get(studentId) ?? [];
    list.push({
      ...hold,
      liftedAt: liftedAt === null ? null : new Date(liftedAt),
    });
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
  relevant: Set<number>,
  at: Day,
): Map<number, Map<number, Day>> {
  const lapsing = new Set(
    [...relevant].filter((id) => catalog.badges.get(id)?.lapseUnusedMonths),
  );
  const who = new Set(
    lines.filter((l) => lapsing.has(l.badgeId)).map((l) => l.studentId),
  );
  const out = new Map<number, Map<number, Day>>();
  const before = dayStart(addDays(at, 1));
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

type Decided = {
  machines: MachineInfo[];
  cleared: {
    id: number;
    awardIds: number[];
    until: Day | null;
    onlyOn: string[] | null;
  }[];
  oneAway: { id: number; needs: string[] }[];
};

// A badge reason can be cured by a badge; a hold or inactivity cannot.
const BADGE_CODES = new Set(["missing", "expired", "revoked", "lapsed-unused"]);

function decideGroup(
  catalog: Catalog,
  machines: MachineInfo[],
  people: Map<number, Student>,
  inputOf: (id: number) => ClearanceInput,
): Decided {
  // Out-of-service machines are judged as if in service: the roster says
  // who may use the machine once it is back (the page notes the state).
  const judged = machines.map((m) => ({ ...m, inService: true }));
  const ids = new Set(machines.map((m) => m.id));
  const relevant = new Set(relevantBadges(catalog, machines));
  const leaves = requirementSlugs(machines[0]!.requirement)
    .map((slug) => catalog.badgesBySlug.get(slug))
    .filter((b): b is BadgeInfo => b !== undefined);
  const needsNoBadge = machines[0]!.requirement === null;
  const out: Decided = { machines, cleared: [], oneAway: [] };

  for (const [id, student] of people) {
    if (!needsNoBadge && !student.awards.some((a) => relevant.has(a.badgeId))) {
      continue;
    }
    const input = inputOf(id);
    // A hold on one machine is the only thing that tells machines apart.
    const perMachine = input.holds.some(
      (h) => h.scope === "machine" && ids.has(h.machineId ?? -1),
    );
    const decisions = (perMachine ? judged : judged.slice(0, 1)).map((m) =>
      decideClearance(input, m),
    );
    const ok = decisions.filter((d) => d.cleared);
    if (ok.length > 0) {
      const onlyOn =
        ok.length < decisions.length
          ? ok.map((d) => machines.find((m) => m.id === d.machineId)!.code)
          : null;
      out.cleared.push({
        id,
        awardIds: ok[0]!.satisfiedBy.map((s) => s.awardId),
        until: ok[0]!.earliestExpiry,
        onlyOn,
      });
      continue;
    }
    const reasons = decisions[0]!.reasons;
    if (!reasons.every((r) => BADGE_CODES.has(r.code))) continue;
    const needs = leaves
      .filter((leaf) => clearsWith(input, judged[0]!, leaf))
      .map((leaf) => whatIsMissing(leaf, reasons));
    if (needs.length > 0) out.oneAway.push({ id, needs });
  }
  return out;
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

function describeGroups(
  db: Db,
  catalog: Catalog,
  decided: Decided[],
  lines: q.AwardLine[],
): RosterGroup[] {
  const ids = new Set(
    decided.flatMap((g) => [...g.cleared, ...g.oneAway].map((r) => r.id)),
  );
  const students = new Map(
    q.listStudentsById(db, [...ids]).map((s) => [s.id, s]),
  );
  const awardsById = new Map(lines.map((l) => [l.id, l]));
  const assessors = q.listUserNames(db, [
    ...new Set(lines.map((l) => l.assessorId).filter((id) => id !== null)),
  ]);
  const lineOf = (id: number): StudentLine => {
    const s = students.get(id)!;
    const name = `${s.lastName}, ${s.firstName}`;
    return {
      studentId: id,
      number: s.number,
      name,
      lastName: s.lastName,
      firstName: s.firstName,
      email: s.email,
    };
  };
  const byName = (a: StudentLine, b: StudentLine) =>
    a.name.localeCompare(b.name) || a.number.localeCompare(b.number);
  const nameOf = (slug: string) => catalog.badgesBySlug.get(slug)?.name ?? slug;

  return decided.map((g) => ({
    machines: g.machines,
    requirement: describeRequirement(g.machines[0]!.requirement, nameOf),
    needsNoBadge: g.machines[0]!.requirement === null,
    cleared: g.cleared
      .map((c) => ({
        ...lineOf(c.id),
        clearedUntil: c.until,
        onlyOn: c.onlyOn,
        awards: c.awardIds.map((awardId) => {
          const a = awardsById.get(awardId)!;
          return {
            badge: catalog.badges.get(a.badgeId)?.name ?? "?",
            issuedOn: a.issuedOn,
            expiresOn: a.expiresOn,
            assessor:
              (a.assessorId && assessors.get(a.assessorId)) ||
              a.assessorName ||
              "",
          };
        }),
      }))
      .sort(byName),
    oneAway: g.oneAway
      .map((o) => ({ ...lineOf(o.id), needs: o.needs }))
      .sort(byName),
  }));
}

export const ROSTER_CSV_HEADER = [
  "machines",
  "list",
  "student_number",
  "last_name",
  "first_name",
  "email",
  "badge",
  "issued_on",
  "expires_on",
  "assessor",
  "cleared_until",
  "missing",
];

/** One row per clearing award, then one per student one badge away. */
export function rosterCsvRows(roster: Roster | null): CsvRow[] {
  if (!roster) return [];
  return roster.groups.flatMap((g) => {
    const codes = g.machines.map((m) => m.code).join(" ");
    // a machine that needs no badge clears without any award
    const cleared = g.cleared.flatMap((c) =>
      (c.awards.length ? c.awards : [null]).map((a): CsvRow => [
        c.onlyOn ? c.onlyOn.join(" ") : codes,
        "cleared",
        c.number,
        c.lastName,
        c.firstName,
        c.email,
        a?.badge,
        a?.issuedOn,
        a?.expiresOn,
        a?.assessor,
        c.clearedUntil,
        "",
      ]),
    );
    const away = g.oneAway.map((o): CsvRow => [
      codes,
      "one badge away",
      o.number,
      o.lastName,
      o.firstName,
      o.email,
      "",
      "",
      "",
      "",
      "",
      o.needs.join(" or "),
    ]);
    return [...cleared, ...away];
  });
}
