// Turns the roster's decisions into rows people read: names in order,
// the awards that clear each student with their assessors, and CSV rows.
import type { Catalog } from "../clearance/service";
import type { Db } from "../db/client";
import { describeRequirement } from "../clearance/requirement";
import type { MachineInfo } from "../clearance/types";
import type { Day } from "../lib/dates";
import type { CsvRow } from "./csv";
import type { Cleared, RosterGroupJudge } from "./roster";
import * as q from "./roster-queries";

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
  onlyOn: string[] | null;
};
export type OneAwayRow = StudentLine & { needs: string[] };
export type RosterGroup = {
  machines: Pick<
    MachineInfo,
    "code" | "name" | "inService" | "outOfServiceReason"
  >[];
  requirement: string;
  needsNoBadge: boolean;
  listsOneAway: boolean; // a machine's roster does; an area's does not
  cleared: ClearedRow[]; // by name, at most `limit`
  oneAway: OneAwayRow[];
};
/** `complete`: every list holds all its students, not just the first. */
export type Roster = { at: Day; complete: boolean; groups: RosterGroup[] };

/**
 * The roster's lists in name order, at most `limit` students each. The
 * rules are asked about candidates as the name index is walked, so a
 * capped page stops deciding once its lists are full.
 */
export function describeRoster(
  db: Db,
  catalog: Catalog,
  judges: RosterGroupJudge[],
  lines: q.AwardLine[],
  limit: number,
  at: Day,
  withOneAway: boolean,
): Roster {
  const { lists, complete } = walkInNameOrder(db, judges, limit, withOneAway);
  const shownIds = [
    ...new Set(
      lists.flatMap((l) => [...l.cleared, ...l.away].map((r) => r[0])),
    ),
  ];
  const students = new Map(
    q.listStudentsById(db, shownIds).map((s) => [s.id, s]),
  );
  const awardIds = lists.flatMap((l) =>
    l.cleared.flatMap((r) => r[1].awardIds),
  );
  const assessors = q.listAssessors(db, awardIds);
  const awards = new Map(lines.map((l) => [l[1], l]));
  const lineOf = (id: number) => studentLine(students.get(id)!);
  const nameOf = (slug: string) => catalog.badgesBySlug.get(slug)?.name ?? slug;

  const groups = judges.map((g, i): RosterGroup => {
    const requirement = g.machines[0]!.requirement;
    return {
      machines: g.machines,
      requirement: describeRequirement(requirement, nameOf),
      needsNoBadge: requirement === null,
      listsOneAway: withOneAway && requirement !== null,
      cleared: lists[i]!.cleared.map(([id, c]) => ({
        ...lineOf(id),
        clearedUntil: c.until,
        onlyOn: c.onlyOn,
        awards: c.awardIds.map((awardId) => {
          const [, , badgeId, issuedOn, expiresOn] = awards.get(awardId)!;
          return {
            badge: catalog.badges.get(badgeId)?.name ?? "?",
            issuedOn,
            expiresOn,
            assessor: assessors.get(awardId) ?? "",
          };
        }),
      })),
      oneAway: lists[i]!.away.map(([id, needs]) => ({
        ...lineOf(id),
        needs,
      })),
    };
  });
  return { at, complete, groups };
}

type Lists = { cleared: [number, Cleared][]; away: [number, string[]][] };

// One walk of the name index fills every group's lists up to the limit.
function walkInNameOrder(
  db: Db,
  judges: RosterGroupJudge[],
  limit: number,
  withOneAway: boolean,
): { lists: Lists[]; complete: boolean } {
  const lists = judges.map((): Lists => ({ cleared: [], away: [] }));
  const awayFull = (l: Lists) => !withOneAway || l.away.length >= limit;
  const isFull = (l: Lists) => l.cleared.length >= limit && awayFull(l);
  let complete = true;
  if (judges.every((j) => j.candidates.size === 0)) return { lists, complete };

  q.walkStudentIdsByName(db, (id) => {
    judges.forEach((j, i) => {
      const l = lists[i]!;
      const mayClear = j.candidates.get(id);
      if (mayClear === undefined || isFull(l)) return;
      // once the one-away list is full, only a possible clearance counts
      if (!mayClear && awayFull(l)) return;
      const verdict = j.judge(id);
      if (verdict?.list === "cleared" && l.cleared.length < limit) {
        l.cleared.push([id, verdict.cleared]);
      } else if (verdict?.list === "one-away" && l.away.length < limit) {
        l.away.push([id, verdict.needs]);
      }
    });
    if (!lists.every(isFull)) return "more";
    complete = false;
    return "stop";
  });
  return { lists, complete };
}

function studentLine(s: q.StudentRow): StudentLine {
  return {
    studentId: s.id,
    number: s.number,
    name: `${s.lastName}, ${s.firstName}`,
    lastName: s.lastName,
    firstName: s.firstName,
    email: s.email,
  };
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
