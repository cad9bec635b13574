// Machine roster: who is cleared for a machine (or each machine of an
// area) today, and who is one badge away. Students are read in name order
// in batches, each batch's awards with one statement, and each candidate
// is decided by the same pure rules the kiosk uses. A page needs only its
// first rows, so it stops reading once its lists are full.
import type { Db } from "../db/client";
import { loadCatalog, type Catalog } from "../clearance/service";
import { printRequirement } from "../clearance/requirement";
import { supersedes } from "../clearance/rules";
import type {
  AwardInfo,
  ClearanceInput,
  HoldInfo,
  MachineInfo,
} from "../clearance/types";
import { addDays, today, toDay, type Day } from "../lib/dates";
import { InvalidError } from "../lib/errors";
import { dayStart } from "./choices";
import {
  groupJudge,
  leavesOf,
  type Cleared,
  type GroupJudge,
} from "./roster-judge";
import { describeRoster, type Roster } from "./roster-rows";
import * as q from "./roster-queries";

export type RosterScope = { machine?: string | undefined; area?: string };

export type RosterLists = {
  cleared: [number, Cleared][];
  away: [number, string[]][];
};

const BATCH = 500;
const NO_AWARDS: AwardInfo[] = [];
const NO_HOLDS: HoldInfo[] = [];
const NO_USES = new Map<number, Day>();

/**
 * The roster of one machine, or of every machine of an area (grouped by
 * requirement, without the one-badge-away list), on `at`, with at most
 * `limit` students per list. An unknown machine or area is an
 * InvalidError on its field.
 */
export function buildRoster(
  db: Db,
  scope: RosterScope,
  limit: number,
  at: Day = today(),
): Roster {
  const catalog = loadCatalog(db);
  const groups = groupByRequirement(pickMachines(catalog, scope));
  const withOneAway = scope.machine !== undefined;
  const judges = groups.map((g) => groupJudge(catalog, g, withOneAway));
  const loader = batchLoader(db, catalog, groups, at);

  const lists = judges.map((): RosterLists => ({ cleared: [], away: [] }));
  const awayFull = (l: RosterLists) => !withOneAway || l.away.length >= limit;
  const isFull = (l: RosterLists) => l.cleared.length >= limit && awayFull(l);
  const shownAwards = new Map<number, AwardInfo>();

  // Judges a batch in name order; true once every list is full.
  const judgeBatch = (ids: number[]): boolean => {
    const inputOf = loader(ids);
    for (const id of ids) {
      let input: ClearanceInput | null = null;
      judges.forEach((j, i) => {
        const l = lists[i]!;
        if (isFull(l)) return;
        const awards = (input ?? inputOf(id)).awards;
        const screen = j.screen(awards);
        if (screen === null || (screen === "away" && awayFull(l))) return;
        input ??= inputOf(id);
        record(j, l, id, input);
      });
      if (lists.every(isFull)) return true;
    }
    return false;
  };
  const record = (
    j: GroupJudge,
    l: RosterLists,
    id: number,
    input: ClearanceInput,
  ) => {
    const verdict = j.judge(input);
    if (verdict?.list === "cleared" && l.cleared.length < limit) {
      l.cleared.push([id, verdict.cleared]);
      for (const a of input.awards) shownAwards.set(a.id, a);
    } else if (verdict?.list === "one-away" && l.away.length < limit) {
      l.away.push([id, verdict.needs]);
    }
  };

  const batch: number[] = [];
  q.walkStudentIdsByName(db, (id) => {
    batch.push(id);
    if (batch.length < BATCH) return "more";
    return judgeBatch(batch.splice(0)) ? "stop" : "more";
  });
  if (batch.length > 0) judgeBatch(batch);

  // A list below the limit saw every candidate, so it is whole; a full one
  // may have more (the walk skips its candidates once it is full).
  const found = judges.map((j, i) => ({ machines: j.machines, ...lists[i]! }));
  return describeRoster(db, catalog, found, shownAwards, {
    at,
    limit,
    withOneAway,
  });
}

/**
 * Loads what the rules need for a batch of students: their awards of the
 * badges that matter here (one statement), and their last machine uses
 * when one of those badges lapses unused.
 */
function batchLoader(
  db: Db,
  catalog: Catalog,
  groups: MachineInfo[][],
  at: Day,
) {
  const relevant = relevantBadges(catalog, groups);
  const lapsing = new Set(
    relevant.filter((id) => catalog.badges.get(id)?.lapseUnusedMonths),
  );
  const inactive = q.listInactiveStudentIds(db);
  const holds = holdsByStudent(q.listHoldsOn(db, at));
  const before = dayStart(addDays(at, 1));

  return (ids: number[]) => {
    const awards = awardsByStudent(q.listAwardsOfStudents(db, ids, relevant));
    const users = ids.filter((id) =>
      awards.get(id)?.some((a) => lapsing.has(a.badgeId)),
    );
    const lastUses = lastUsesByStudent(q.listLastUses(db, users, before));
    return (id: number): ClearanceInput => ({
      at,
      student: { id, status: inactive.has(id) ? "inactive" : "active" },
      awards: awards.get(id) ?? NO_AWARDS,
      holds: holds.get(id) ?? NO_HOLDS,
      badges: catalog.badges,
      badgesBySlug: catalog.badgesBySlug,
      lastUseByMachine: lastUses.get(id) ?? NO_USES,
      machines: catalog.machines,
    });
  };
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

/** Badges that satisfy some leaf of some group's requirement. */
function relevantBadges(catalog: Catalog, groups: MachineInfo[][]): number[] {
  const required = groups.flatMap((g) => leavesOf(catalog, g[0]!));
  return [...catalog.badges.values()]
    .filter((held) => required.some((r) => supersedes(held, r)))
    .map((b) => b.id);
}

function awardsByStudent(lines: q.AwardLine[]): Map<number, AwardInfo[]> {
  const out = new Map<number, AwardInfo[]>();
  for (const [
    studentId,
    id,
    badgeId,
    issuedOn,
    expiresOn,
    revokedAt,
  ] of lines) {
    const list = out.get(studentId) ?? [];
    list.push({
      id,
      badgeId,
      issuedOn,
      expiresOn,
      revokedAt: revokedAt === null ? null : new Date(revokedAt),
      revokeReason: null, // the rules never read it
    });
    out.set(studentId, list);
  }
  return out;
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

function lastUsesByStudent(
  rows: [number, number, number][],
): Map<number, Map<number, Day>> {
  const out = new Map<number, Map<number, Day>>();
  for (const [studentId, machineId, ms] of rows) {
    const map = out.get(studentId) ?? new Map<number, Day>();
    map.set(machineId, toDay(new Date(ms)));
    out.set(studentId, map);
  }
  return out;
}
