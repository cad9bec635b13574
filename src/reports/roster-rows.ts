// Turns the roster's decisions into rows people read: names in order,
// the awards that clear each student with their assessors, and CSV rows.
import type { Catalog } from "../clearance/service";
import type { Db } from "../db/client";
import { describeRequirement } from "../clearance/requirement";
import type { AwardInfo, MachineInfo } from "../clearance/types";
import type { Day } from "../lib/dates";
import type { CsvRow } from "./csv";
import type { RosterLists } from "./roster";
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
  // the list reached the limit: there may be more than it shows
  clearedMore: boolean;
  oneAwayMore: boolean;
};
export type Roster = { at: Day; groups: RosterGroup[] };

/** The roster's lists as rows: names, badges and assessors filled in. */
export function describeRoster(
  db: Db,
  catalog: Catalog,
  found: ({ machines: MachineInfo[] } & RosterLists)[],
  awards: Map<number, AwardInfo>,
  opts: { at: Day; limit: number; withOneAway: boolean },
): Roster {
  const shownIds = [
    ...new Set(
      found.flatMap((g) => [...g.cleared, ...g.away].map((r) => r[0])),
    ),
  ];
  const students = new Map(
    q.listStudentsById(db, shownIds).map((s) => [s.id, s]),
  );
  const awardIds = found.flatMap((g) =>
    g.cleared.flatMap((r) => r[1].awardIds),
  );
  const assessors = q.listAssessors(db, awardIds);
  const lineOf = (id: number) => studentLine(students.get(id)!);
  const nameOf = (slug: string) => catalog.badgesBySlug.get(slug)?.name ?? slug;

  const groups = found.map((g): RosterGroup => {
    const requirement = g.machines[0]!.requirement;
    return {
      machines: g.machines,
      requirement: describeRequirement(requirement, nameOf),
      needsNoBadge: requirement === null,
      listsOneAway: opts.withOneAway && requirement !== null,
      cleared: g.cleared.map(([id, c]) => ({
        ...lineOf(id),
        clearedUntil: c.until,
        onlyOn: c.onlyOn,
        awards: c.awardIds.map((awardId) => {
          const a = awards.get(awardId)!;
          return {
            badge: catalog.badges.get(a.badgeId)?.name ?? "?",
            issuedOn: a.issuedOn,
            expiresOn: a.expiresOn,
            assessor: assessors.get(awardId) ?? "",
          };
        }),
      })),
      oneAway: g.away.map(([id, needs]) => ({ ...lineOf(id), needs })),
      clearedMore: g.cleared.length >= opts.limit,
      oneAwayMore: g.away.length >= opts.limit,
    };
  });
  return { at: opts.at, groups };
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
