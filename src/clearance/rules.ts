// The clearance rules: pure functions, data in, decision out. The day to
// decide for always comes in `input.at`; nothing here reads the clock.
//
// Day conventions: an award is valid THROUGH its expiresOn day and expired
// from the next day; likewise it is usable through its lapse day. A
// revocation or a lifted hold counts from the local day it happened.
// An award issued after `at` did not exist yet and is ignored. Inputs are
// treated as immutable: some results are memoised per input object.
import type { BadgeLevel, BadgeType } from "../db/schema";
import { addDays, addMonths, toDay, type Day } from "../lib/dates";
import { requirementSlugs } from "./requirement";
import type {
  AwardInfo,
  AwardStatus,
  BadgeInfo,
  Clearance,
  ClearanceInput,
  HoldInfo,
  MachineInfo,
  Reason,
  Requirement,
} from "./types";

export const TYPE_RANK: Record<BadgeType, number> = {
  knowledge: 1,
  skills: 2,
  experience: 3,
};
export const LEVEL_RANK: Record<BadgeLevel, number> = {
  introductory: 1,
  intermediate: 2,
  advanced: 3,
};
export const EXPIRING_WITHIN_DAYS = 30;

type Rankable = Pick<BadgeInfo, "track" | "type" | "level">;

/** True when holding `held` satisfies a requirement for `required`. */
export function supersedes(held: Rankable, required: Rankable): boolean {
  return (
    held.track === required.track &&
    TYPE_RANK[held.type] >= TYPE_RANK[required.type] &&
    LEVEL_RANK[held.level] >= LEVEL_RANK[required.level]
  );
}

type Validity = Pick<
  BadgeInfo,
  "validityKind" | "validityMonths" | "validityAnnual"
>;

/** The last valid day of an award issued on `issuedOn`, or null (never). */
export function computeExpiry(badge: Validity, issuedOn: Day): Day | null {
  if (badge.validityKind === "months" && badge.validityMonths) {
    return addMonths(issuedOn, badge.validityMonths);
  }
  if (badge.validityKind === "annual" && badge.validityAnnual) {
    const year = Number(issuedOn.slice(0, 4));
    const thisYear = annualDay(year, badge.validityAnnual);
    return thisYear > issuedOn
      ? thisYear
      : annualDay(year + 1, badge.validityAnnual);
  }
  return null;
}

// "MM-DD" in a given year; 02-29 falls back to 02-28 in common years.
function annualDay(year: number, mmdd: string): Day {
  const [month, day] = mmdd.split("-").map(Number);
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const lastDay = Number(addDays(addMonths(first, 1), -1).slice(8));
  return first.slice(0, 8) + String(Math.min(day!, lastDay)).padStart(2, "0");
}

/**
 * The last day an award with a "lapses unused" rule stays usable: N months
 * after the later of its issue and the last use of a machine that needs it.
 */
export function lapsesOn(
  award: AwardInfo,
  badge: BadgeInfo,
  input: ClearanceInput,
): Day | null {
  if (!badge.lapseUnusedMonths) return null;
  const lastUse = lastUseFor(badge, input);
  const from = lastUse && lastUse > award.issuedOn ? lastUse : award.issuedOn;
  return addMonths(from, badge.lapseUnusedMonths);
}

// Per input: badge id -> last use of any machine whose requirement names a
// badge this one supersedes. Memoised because every award asks for it.
const lastUseMemo = new WeakMap<ClearanceInput, Map<number, Day | null>>();

function lastUseFor(badge: BadgeInfo, input: ClearanceInput): Day | null {
  let memo = lastUseMemo.get(input);
  if (!memo) lastUseMemo.set(input, (memo = new Map()));
  if (memo.has(badge.id)) return memo.get(badge.id)!;

  let last: Day | null = null;
  for (const machine of input.machines) {
    const used = input.lastUseByMachine.get(machine.id);
    if (!used || (last && used <= last)) continue;
    const needsIt = slugsOf(machine).some((slug) => {
      const required = input.badgesBySlug.get(slug);
      return required !== undefined && supersedes(badge, required);
    });
    if (needsIt) last = used;
  }
  memo.set(badge.id, last);
  return last;
}

const slugMemo = new WeakMap<MachineInfo, string[]>();

function slugsOf(machine: MachineInfo): string[] {
  let slugs = slugMemo.get(machine);
  if (!slugs)
    slugMemo.set(machine, (slugs = requirementSlugs(machine.requirement)));
  return slugs;
}

function revokedOn(award: AwardInfo): Day | null {
  return award.revokedAt ? toDay(award.revokedAt) : null;
}

/** The state of an award on `input.at`, most serious first. */
export function awardStatus(
  award: AwardInfo,
  badge: BadgeInfo,
  input: ClearanceInput,
): AwardStatus {
  return awardState(award, badge, input).status;
}

type AwardState = { status: AwardStatus; date: Day | null };

function awardState(
  award: AwardInfo,
  badge: BadgeInfo,
  input: ClearanceInput,
): AwardState {
  const { at } = input;
  const revoked = revokedOn(award);
  if (revoked && revoked <= at) return { status: "revoked", date: revoked };

  const expires = award.expiresOn;
  if (expires && expires < at) return { status: "expired", date: expires };

  const lapses = lapsesOn(award, badge, input);
  if (lapses && lapses < at) return { status: "lapsed-unused", date: lapses };

  if (expires && expires <= expiringBy(at)) {
    return { status: "expiring", date: expires };
  }
  return { status: "current", date: expires };
}

// The last day that counts as "expiring" on `at`; one day is asked about
// for every award of every check, so the latest answer is kept.
let expiring = { at: "", by: "" };

function expiringBy(at: Day): Day {
  if (expiring.at !== at) {
    expiring = { at, by: addDays(at, EXPIRING_WITHIN_DAYS) };
  }
  return expiring.by;
}

/** May this student use this machine on `input.at`, and if not, why. */
export function decideClearance(
  input: ClearanceInput,
  machine: MachineInfo,
): Clearance {
  const reasons: Reason[] = [];
  if (input.student.status !== "active") {
    reasons.push({
      code: "inactive-student",
      message: "The student record is not active",
    });
  }
  if (!machine.inService) {
    const why = machine.outOfServiceReason?.trim();
    reasons.push({
      code: "out-of-service",
      message: `${machine.name} is out of service${why ? `: ${why}` : ""}`,
    });
  }
  reasons.push(...holdReasons(input, machine));

  const result = machine.requirement
    ? evaluate(machine.requirement, input)
    : { ok: true, used: [], reasons: [], expiry: null };
  // copies: evaluations are memoised and shared between machines
  reasons.push(...dedupe(result.reasons).map((r) => ({ ...r })));

  const cleared = reasons.length === 0;
  return {
    machineId: machine.id,
    cleared,
    reasons,
    satisfiedBy: cleared ? result.used.map((u) => ({ ...u })) : [],
    earliestExpiry: cleared ? result.expiry : null,
  };
}

function holdReasons(input: ClearanceInput, machine: MachineInfo): Reason[] {
  const active = input.holds.filter((hold) => isHoldActive(hold, input.at));
  if (active.length === 0) return [];
  const tracks = new Set(
    slugsOf(machine).map((slug) => input.badgesBySlug.get(slug)?.track),
  );
  return active
    .filter(
      (hold) =>
        hold.scope === "all" ||
        (hold.scope === "machine" && hold.machineId === machine.id) ||
        (hold.scope === "track" &&
          hold.track !== null &&
          tracks.has(hold.track)),
    )
    .map((hold) => holdReason(hold));
}

/** A hold applies from its first day through its last, until lifted. */
export function isHoldActive(hold: HoldInfo, at: Day): boolean {
  if (hold.liftedAt && toDay(hold.liftedAt) <= at) return false;
  return hold.startsOn <= at && (hold.endsOn === null || hold.endsOn >= at);
}

function holdReason(hold: HoldInfo): Reason {
  const on =
    hold.scope === "all"
      ? "your use of the shop"
      : hold.scope === "machine"
        ? "your use of this machine"
        : `your use of ${hold.track} machines`;
  const until = hold.endsOn ? ` until ${hold.endsOn}` : "";
  return {
    code: "hold",
    message: `A hold was placed on ${on}${until}`,
    ...(hold.endsOn ? { date: hold.endsOn } : {}),
    detail: hold.reason,
  };
}

type Used = Clearance["satisfiedBy"][number];
type Evaluation = {
  ok: boolean;
  used: Used[];
  reasons: Reason[];
  expiry: Day | null; // earliest expiry of `used`; null: none expire
};

function evaluate(req: Requirement, input: ClearanceInput): Evaluation {
  if (req.kind === "badge") return evaluateBadge(req.slug, input);

  const parts = req.items.map((item) => evaluate(item, input));
  if (req.kind === "and") {
    const ok = parts.every((p) => p.ok);
    return {
      ok,
      used: ok ? uniqueBySlug(parts.flatMap((p) => p.used)) : [],
      reasons: parts.flatMap((p) => p.reasons),
      expiry: parts.map((p) => p.expiry).reduce(earlier, null),
    };
  }

  // Of the satisfied choices, use the one that stays valid longest.
  const best = parts
    .filter((p) => p.ok)
    .reduce<Evaluation | null>(
      (a, p) => (a === null || later(p.expiry, a.expiry) ? p : a),
      null,
    );
  if (best) return best;
  return {
    ok: false,
    used: [],
    reasons: parts.flatMap((p) => p.reasons),
    expiry: null,
  };
}

// Per input: required slug -> evaluation. Machines share badges, so each
// slug is decided once per student and day.
const badgeMemo = new WeakMap<ClearanceInput, Map<string, Evaluation>>();

function evaluateBadge(slug: string, input: ClearanceInput): Evaluation {
  let memo = badgeMemo.get(input);
  if (!memo) badgeMemo.set(input, (memo = new Map()));
  let result = memo.get(slug);
  if (!result) memo.set(slug, (result = decideBadge(slug, input)));
  return result;
}

function decideBadge(slug: string, input: ClearanceInput): Evaluation {
  const required = input.badgesBySlug.get(slug);
  if (!required) {
    const message = `The requirement names an unknown badge "${slug}"`;
    return fail({ code: "missing", badge: slug, required: slug, message });
  }

  const candidates = input.awards.flatMap((award) => {
    const badge = input.badges.get(award.badgeId);
    if (!badge || award.issuedOn > input.at) return [];
    if (!supersedes(badge, required)) return [];
    return [{ award, badge, ...awardState(award, badge, input) }];
  });
  const usable = candidates.filter(
    (c) => c.status === "current" || c.status === "expiring",
  );

  if (usable.length > 0) {
    const best = usable.reduce((a, c) => (isBetter(c, a, required) ? c : a));
    return {
      ok: true,
      used: [{ slug, awardId: best.award.id, badgeId: best.badge.id }],
      reasons: [],
      expiry: best.award.expiresOn,
    };
  }

  if (candidates.length === 0) {
    const message = `${required.name} is missing`;
    return fail({ code: "missing", badge: slug, required: slug, message });
  }
  // The most recent loss tells the student the most.
  const last = candidates.reduce((a, c) =>
    c.date! > a.date! || (c.date === a.date && c.badge.id === required.id)
      ? c
      : a,
  );
  return fail(failureReason(last.status, last.badge, last.date!, slug));
}

type Candidate = { award: AwardInfo; badge: BadgeInfo; date: Day | null };

// Longest-lasting first, then the exact badge, then the newest award.
function isBetter(c: Candidate, a: Candidate, required: BadgeInfo): boolean {
  if (c.award.expiresOn !== a.award.expiresOn) {
    return later(c.award.expiresOn, a.award.expiresOn);
  }
  const exactC = c.badge.id === required.id;
  const exactA = a.badge.id === required.id;
  if (exactC !== exactA) return exactC;
  return c.award.issuedOn > a.award.issuedOn;
}

function failureReason(
  status: AwardStatus,
  badge: BadgeInfo,
  date: Day,
  required: string,
): Reason {
  const base = { badge: badge.slug, date, required };
  if (status === "revoked") {
    const message = `${badge.name} was revoked on ${date}`;
    return { code: "revoked", ...base, message };
  }
  if (status === "expired") {
    const message = `${badge.name} expired on ${date}`;
    return { code: "expired", ...base, message };
  }
  const months = badge.lapseUnusedMonths;
  const message = `${badge.name} lapsed on ${date} after ${months} months without use`;
  return { code: "lapsed-unused", ...base, message };
}

function fail(reason: Reason): Evaluation {
  return { ok: false, used: [], reasons: [reason], expiry: null };
}

// Day order where null means "never expires", i.e. later than any day.
function later(a: Day | null, b: Day | null): boolean {
  if (a === b) return false;
  return a === null || (b !== null && a > b);
}

function earlier(a: Day | null, b: Day | null): Day | null {
  return later(a, b) ? b : a;
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}|${r.badge}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueBySlug(used: Used[]): Used[] {
  const seen = new Set<string>();
  return used.filter((u) => !seen.has(u.slug) && seen.add(u.slug));
}
