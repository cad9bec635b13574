// Turns the roster's decisions into rows people read: names in order,
// the awards that clear each student with their assessors, and CSV rows.
import type { Catalog } from "../clearance/service";
import type { Db } from "../db/client";
import { describeRequirement } from "../clearance/requirement";
import type { MachineInfo } from "../clearance/types";
import type { Day } from "../lib/dates";
import type { CsvRow } from "./csv";
import type { DecidedGroup } from "./roster";
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
  clearedCount: number;
  oneAwayCount: number;
  cleared: ClearedRow[]; // the first `limit` by name
  oneAway: OneAwayRow[];
};
export type Roster = { at: Day; groups: RosterGroup[] };

/** The roster's groups with the first `limit` students of each list. */
export function describeRoster(
  db: Db,
  catalog: Catalog,
  decided: DecidedGroup[],
  lines: q.AwardLine[],
  limit: number,
  at: Day,
): Roster {
  const lists = decided.flatMap((g) => [g.cleared, g.oneAway]);
  const ordered = orderByName(db, lists, limit);
  const shownIds = [...new Set(ordered.flat())];
  const students = new Map(
    q.listStudentsById(db, shownIds).map((s) => [s.id, s]),
  );
  const awardIds = decided.flatMap((g, i) =>
    ordered[2 * i]!.flatMap((id) => g.cleared.get(id)!.awardIds),
  );
  const assessors = q.listAssessors(db, awardIds);
  const awards = new Map(lines.map((l) => [l[1], l]));
  const lineOf = (id: number) => studentLine(students.get(id)!);
  const nameOf = (slug: string) => catalog.badgesBySlug.get(slug)?.name ?? slug;

  const groups = decided.map((g, i): RosterGroup => {
    const requirement = g.machines[0]!.requirement;
    return {
      machines: g.machines,
      requirement: describeRequirement(requirement, nameOf),
      needsNoBadge: requirement === null,
      clearedCount: g.cleared.size,
      oneAwayCount: g.oneAway.size,
      cleared: ordered[2 * i]!.map((id) => {
        const c = g.cleared.get(id)!;
        return {
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
        };
      }),
      oneAway: ordered[2 * i + 1]!.map((id) => ({
        ...lineOf(id),
        needs: g.oneAway.get(id)!,
      })),
    };
  });
  return { at, groups };
}

// One walk of the name index fills every list up to its limit.
function orderByName(
  db: Db,
  lists: Map<number, unknown>[],
  limit: number,
): number[][] {
  const out = lists.map((): number[] => []);
  let missing = lists.reduce((n, l) => n + Math.min(l.size, limit), 0);
  if (missing === 0) return out;
  q.walkStudentIdsByName(db, (id) => {
    lists.forEach((list, i) => {
      if (list.has(id) && out[i]!.length < limit) {
        out[i]!.push(id);
        missing -= 1;
      }
    });
    return missing === 0 ? "stop" : "more";
  });
  return out;
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
