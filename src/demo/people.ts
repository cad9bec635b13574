// The demo shop's students and their awards, made by a seeded generator
// so that every run produces the same rows for the same start day.
import { computeExpiry } from "../clearance/rules";
import { ValiditySchema } from "../badges/validity";
import { addDays, type Day } from "../lib/dates";
import { DEMO_BADGES, LADDERS } from "./badges";

export const DEMO_STUDENT_COUNT = 300;
const FIRST_NUMBER = 1001;

const FIRST_NAMES = [
  "Ava",
  "Liam",
  "Maya",
  "Noah",
  "Priya",
  "Mateo",
  "Chloe",
  "Ethan",
  "Zara",
  "Lucas",
  "Amara",
  "Diego",
  "Hana",
  "Owen",
  "Sofia",
  "Kofi",
  "Lena",
  "Ravi",
  "Grace",
  "Tariq",
  "Ingrid",
  "Jamal",
  "Mei",
  "Samuel",
  "Elena",
  "Yusuf",
  "Nora",
  "Kai",
  "Fatima",
  "Theo",
];
const LAST_NAMES = [
  "Nguyen",
  "Okafor",
  "Smith",
  "Garcia",
  "Patel",
  "Kowalski",
  "Chen",
  "Johnson",
  "Haddad",
  "Müller",
  "Rossi",
  "Tanaka",
  "Brown",
  "Silva",
  "O'Brien",
  "Kim",
  "Novak",
  "Mensah",
  "Larsen",
  "Ibrahim",
  "Walker",
  "Dubois",
  "Reyes",
  "Singh",
  "Anderson",
  "Costa",
  "Lindqvist",
  "Ahmed",
];
const ASSESSORS = ["R. Alvarez", "J. Whitfield", "K. Osei", "M. Brandt"];

/** mulberry32: a small, fast PRNG; the same seed gives the same numbers. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T =>
      items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

export const studentNumber = (i: number) => `S${FIRST_NUMBER + i}`;

/** The student rows, with the same columns a students CSV file has. */
export function demoStudentRows(): Record<string, string>[] {
  const rng = seededRandom(2026);
  return Array.from({ length: DEMO_STUDENT_COUNT }, (_, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const number = studentNumber(i);
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    return {
      student_number: number,
      first_name: first,
      last_name: last,
      email: `${local}.${number.slice(1)}@students.example.edu`,
      status: rng.chance(0.04) ? "inactive" : "active",
    };
  });
}

export type DemoRevocation = {
  studentNumber: string;
  badge: string;
  issuedOn: Day;
  on: Day;
  reason: string;
};

const REVOKE_REASONS = [
  "Unsafe practice observed; reassess before further use",
  "Awarded in error: assessment was not completed",
  "Left the machine running unattended",
];

const badgeBySlug = new Map(DEMO_BADGES.map((b) => [b.slug, b]));

/**
 * Award rows (the awards CSV columns) and the awards to revoke, dated
 * relative to `start`: current, expired, expiring within 30 days, revoked.
 */
export function demoAwards(start: Day, adminEmail: string) {
  const rng = seededRandom(31);
  const rows: Record<string, string>[] = [];
  const held = new Set<string>();
  const revocations: DemoRevocation[] = [];

  const add = (number: string, slug: string, issuedOn: Day) => {
    held.add(`${number}|${slug}`);
    const badge = badgeBySlug.get(slug)!;
    const validity = ValiditySchema.parse(badge.validity);
    let expiresOn = "";
    // a few awards end within the next month, whatever the badge's rule
    if (validity.validityKind !== "never" && rng.chance(0.06)) {
      expiresOn = addDays(start, rng.int(2, 28));
    }
    rows.push({
      student_number: number,
      badge: slug,
      issued_on: issuedOn,
      expires_on: expiresOn,
      assessor: rng.chance(0.3) ? adminEmail : rng.pick(ASSESSORS),
      evidence: rng.chance(0.5)
        ? `https://moodle.example.edu/mod/assign/view.php?id=${rng.int(5000, 9999)}`
        : "",
    });
    if (rng.chance(0.02)) {
      revocations.push({
        studentNumber: number,
        badge: slug,
        issuedOn,
        on: laterDay(issuedOn, start, rng.int(5, 60)),
        reason: rng.pick(REVOKE_REASONS),
      });
    }
    return expiresOn || computeExpiry(validity, issuedOn);
  };

  for (let i = 0; i < DEMO_STUDENT_COUNT; i += 1) {
    const number = studentNumber(i);
    if (rng.chance(0.08)) continue; // signed up, never trained

    const safetyOn = addDays(start, -rng.int(1, 600));
    const safetyExpiry = add(number, "shop-safety", safetyOn);
    // most students renew an expired safety badge
    if (safetyExpiry && safetyExpiry < start && rng.chance(0.6)) {
      const recent = addDays(start, -rng.int(1, 90));
      const afterExpiry = addDays(safetyExpiry, 1);
      add(number, "shop-safety", recent > afterExpiry ? recent : afterExpiry);
    }

    const tracks = rng.int(0, 3);
    for (let t = 0; t < tracks; t += 1) {
      const ladder = rng.pick(LADDERS);
      const depth = rng.int(1, ladder.length);
      let day = addDays(start, -rng.int(60, 720));
      for (const slug of ladder.slice(0, depth)) {
        if (held.has(`${number}|${slug}`)) break;
        add(number, slug, day);
        day = laterDay(day, start, rng.int(14, 150));
      }
    }
  }
  return { rows, revocations };
}

// `days` after `day`, but not after the day before `start` (nor before `day`).
function laterDay(day: Day, start: Day, days: number): Day {
  const later = addDays(day, days);
  const last = addDays(start, -1);
  if (later <= last) return later;
  return last > day ? last : day;
}
