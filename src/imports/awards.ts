import { computeExpiry } from "../clearance/rules";
import { actorUserId } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import type { ImportError } from "./csv";
import {
  findRepeats,
  updateChange,
  type Change,
  type Conn,
  type Parsed,
  type Plan,
  type PlanContext,
} from "./plan";
import * as q from "./queries";
import type { AwardRow } from "./schemas";

type Lookups = ReturnType<typeof loadLookups>;

/**
 * Matches award rows to awards by student, badge and issue day, and
 * decides what each row does. Students and badges must already exist.
 */
export function planAwards(
  db: Conn,
  rows: Parsed<AwardRow>[],
  ctx: PlanContext,
): Plan {
  const errors: ImportError[] = findRepeats(
    rows,
    "issued_on",
    (r) => `${r.student_number}|${r.badge}|${r.issued_on}`,
  );
  const lookups = loadLookups(db, rows);

  const changes = rows.map(({ line, row }): Change => {
    const rowErrors: ImportError[] = [];
    const fail = (column: string, message: string) =>
      rowErrors.push({ line, column, message });

    const student = lookups.students.get(row.student_number);
    if (!student) fail("student_number", "is not a known student number");
    const badge = lookups.badges.get(row.badge);
    if (!badge) fail("badge", "is not a known badge slug");
    if (row.issued_on > ctx.today) fail("issued_on", "is in the future");
    const assessor = resolveAssessor(row.assessor, lookups, fail);
    const allowed = badge && lookups.assessorsOf.get(badge.id);
    if (allowed && assessor.assessorId && !allowed.has(assessor.assessorId)) {
      fail("assessor", `may not award ${badge.slug}`);
    }
    errors.push(...rowErrors);
    if (rowErrors.length > 0 || !student || !badge) {
      return { action: "unchanged" };
    }

    const values: q.AwardValues = {
      studentId: student.id,
      badgeId: badge.id,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on ?? computeExpiry(badge, row.issued_on),
      ...assessor,
      evidence: row.evidence ?? null,
    };
    const current = lookups.awards.get(awardKey(values));
    if (!current) return createAward(values);

    return updateChange("award", current, values, q.updateAward);
  });
  return { errors, changes };
}

function loadLookups(db: Conn, rows: Parsed<AwardRow>[]) {
  const numbers = [...new Set(rows.map((r) => r.row.student_number))];
  const students = q.findStudentsByNumbers(db, numbers);
  const emails = rows
    .map((r) => r.row.assessor?.toLowerCase())
    .filter((a): a is string => !!a?.includes("@"));
  const awards = q.findAwardsOfStudents(
    db,
    students.map((s) => s.id),
  );
  return {
    students: new Map(students.map((s) => [s.number, s])),
    badges: new Map(q.listBadges(db).map((b) => [b.slug, b])),
    users: new Map(
      q.findUsersByEmails(db, [...new Set(emails)]).map((u) => [u.email, u]),
    ),
    assessorsOf: q.listBadgeAssessors(db),
    awards: byKey(awards),
  };
}

// A renewal is a new award, so the key includes the issue day; should two
// awards share a key, the import matches the first.
function byKey(awards: q.AwardRecord[]) {
  const map = new Map<string, q.AwardRecord>();
  for (const award of awards) {
    if (!map.has(awardKey(award))) map.set(awardKey(award), award);
  }
  return map;
}

function awardKey(
  a: Pick<q.AwardValues, "studentId" | "badgeId" | "issuedOn">,
) {
  return `${a.studentId}|${a.badgeId}|${a.issuedOn}`;
}

// An email names a staff account; anything else is the name of an
// assessor who has no account here.
function resolveAssessor(
  text: string | null | undefined,
  lookups: Lookups,
  fail: (column: string, message: string) => void,
) {
  if (!text) return { assessorId: null, assessorName: null };
  if (!text.includes("@")) return { assessorId: null, assessorName: text };

  const user = lookups.users.get(text.toLowerCase());
  if (!user) fail("assessor", "is not the email of a staff account");
  return { assessorId: user?.id ?? null, assessorName: null };
}

function createAward(row: q.AwardValues): Change {
  return {
    action: "create",
    write: (tx, { actor }) => {
      const id = q.insertAward(tx, row, actorUserId(actor));
      writeAudit(tx, actor, {
        action: "award.create",
        entityType: "award",
        entityId: id,
        after: { ...row, source: "import" },
      });
    },
  };
}
