// Judges one student for one group of machines (same requirement): on the
// roster, one badge away, or neither. The decision is always the rules'
// decideClearance; the bit test before it only skips students who hold
// too few of the badges to be on either list.
import type { Catalog } from "../clearance/service";
import { requirementSlugs } from "../clearance/requirement";
import { decideClearance, supersedes } from "../clearance/rules";
import type {
  AwardInfo,
  BadgeInfo,
  ClearanceInput,
  MachineInfo,
  Reason,
  Requirement,
} from "../clearance/types";
import type { Day } from "../lib/dates";

export type Cleared = {
  awardIds: number[];
  until: Day | null;
  onlyOn: string[] | null; // a machine hold keeps them off the others
};

export type Verdict =
  | { list: "cleared"; cleared: Cleared }
  | { list: "one-away"; needs: string[] } // what is missing, one way or another
  | null;

export type GroupJudge = {
  machines: MachineInfo[];
  /** "clear": may be cleared; "away": may be one badge away; or null. */
  screen: (awards: AwardInfo[]) => "clear" | "away" | null;
  judge: (input: ClearanceInput) => Verdict;
};

/** Badges that satisfy some leaf of the machine's requirement. */
export function leavesOf(catalog: Catalog, machine: MachineInfo): BadgeInfo[] {
  return requirementSlugs(machine.requirement)
    .map((slug) => catalog.badgesBySlug.get(slug))
    .filter((b): b is BadgeInfo => b !== undefined);
}

export function groupJudge(
  catalog: Catalog,
  machines: MachineInfo[],
  withOneAway: boolean,
): GroupJudge {
  const requirement = machines[0]!.requirement;
  const leaves = leavesOf(catalog, machines[0]!);
  // Which leaves a student holds (valid or not), as bits: leaf i is bit i
  // (past 30 leaves every bit is set, which only turns the screen off).
  const bit = new Map(leaves.map((b, i) => [b.slug, i < 30 ? 1 << i : -1]));
  const bitsOfBadge = leafBitsByBadge(catalog, leaves, bit);
  const holds = (bits: number) => (slug: string) =>
    ((bit.get(slug) ?? 0) & bits) !== 0;

  const screen = (awards: AwardInfo[]) => {
    let bits = 0;
    for (const a of awards) bits |= bitsOfBadge.get(a.badgeId) ?? 0;
    if (satisfiedBy(requirement, holds(bits))) return "clear";
    // one badge away: they hold or held a badge toward the machine already
    const away =
      withOneAway &&
      bits !== 0 &&
      leaves.some((leaf) =>
        satisfiedBy(requirement, holds(bits | bit.get(leaf.slug)!)),
      );
    return away ? "away" : null;
  };
  const judge = (input: ClearanceInput) =>
    judgeStudent(input, machines, withOneAway ? leaves : []);
  return { machines, screen, judge };
}

// A badge reason can be cured by a badge; a hold or inactivity cannot.
const BADGE_CODES = new Set(["missing", "expired", "revoked", "lapsed-unused"]);

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
    const on = ok.map((d) => machines.find((m) => m.id === d.machineId)!);
    return {
      list: "cleared",
      cleared: {
        awardIds: ok[0]!.satisfiedBy.map((u) => u.awardId),
        until: ok[0]!.earliestExpiry,
        onlyOn: ok.length < decisions.length ? on.map((m) => m.code) : null,
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
  return cures.map((leaf) => whatIsMissing(leaf!, reasons));
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
