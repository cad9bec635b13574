// Drizzle only: the rows the clearance service turns into rule input.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { badges, machines, students } from "../db/schema";
import { preparedOn } from "../lib/prepared";

type Reader = Pick<Db, "select">;

/** A badge's columns as the clearance rules read them (BadgeInfo). */
export const badgeInfoColumns = {
  id: badges.id,
  slug: badges.slug,
  name: badges.name,
  track: badges.track,
  type: badges.type,
  level: badges.level,
  validityKind: badges.validityKind,
  validityMonths: badges.validityMonths,
  validityAnnual: badges.validityAnnual,
  lapseUnusedMonths: badges.lapseUnusedMonths,
  criteriaUrl: badges.criteriaUrl,
  archived: badges.archived,
};

export function listCatalogBadges(db: Reader) {
  return db
    .select(badgeInfoColumns)
    .from(badges)
    .orderBy(asc(badges.track), asc(badges.name))
    .all();
}

export function listCatalogMachines(db: Reader) {
  return db
    .select({
      id: machines.id,
      code: machines.code,
      name: machines.name,
      area: machines.area,
      inService: machines.inService,
      outOfServiceReason: machines.outOfServiceReason,
      capacity: machines.capacity,
      requirement: machines.requirement,
    })
    .from(machines)
    .orderBy(asc(machines.area), asc(machines.code))
    .all();
}

// `data_version` changes when another connection (the CLI) commits, which
// tells the service its cached catalog may be stale.
export function readDataVersion(db: Db): number {
  return dataVersionQuery(db).get() as number;
}

// Every access check reads it: prepared once per connection.
const dataVersionQuery = preparedOn((db: Db) =>
  db.$client.prepare("select data_version from pragma_data_version()").pluck(),
);

/**
 * One statement for everything the rules need about a student: awards,
 * holds and the last session start per machine before `beforeMs`, as JSON.
 */
export function findClearanceRow(db: Db, studentId: number, beforeMs: number) {
  let query = clearanceRowQueries.get(db);
  if (!query) clearanceRowQueries.set(db, (query = prepareClearanceRow(db)));
  return query.get({ studentId, beforeMs }) ?? null;
}

// Prepared once per database: parsing this statement costs more than
// running it.
const clearanceRowQueries = new WeakMap<
  Db,
  ReturnType<typeof prepareClearanceRow>
>();

function prepareClearanceRow(db: Db) {
  // Written out with table-qualified names: drizzle drops the table name of
  // columns in a one-table select, which would break the correlation.
  const before = sql.placeholder("beforeMs");
  return db
    .select({
      id: students.id,
      status: students.status,
      dataVersion: sql<number>`(select data_version from pragma_data_version())`,
      awards: sql<string>`(select json_group_array(json_array(
          a.id, a.badge_id, a.issued_on, a.expires_on,
          a.revoked_at, a.revoke_reason))
        from awards a where a.student_id = students.id)`,
      holds: sql<string>`(select json_group_array(json_array(
          h.id, h.scope, h.machine_id, h.track, h.reason,
          h.starts_on, h.ends_on, h.lifted_at))
        from holds h where h.student_id = students.id)`,
      lastUses: sql<string>`(select json_group_array(json_array(m, last))
        from (select ms.machine_id as m, max(ms.started_at) as last
          from machine_sessions ms
          where ms.student_id = students.id and ms.started_at < ${before}
          group by ms.machine_id))`,
    })
    .from(students)
    .where(eq(students.id, sql.placeholder("studentId")))
    .prepare();
}
