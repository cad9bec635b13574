import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog, users } from "../db/schema";

type Reader = Pick<Db, "select">;

export type AuditRow = {
  id: number;
  at: Date;
  actorKind: "user" | "device" | "cli" | "system";
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

const auditColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorKind: auditLog.actorKind,
  actorId: auditLog.actorId,
  // a device's id is not a user's: only join names for staff actors
  actorName: sql<
    string | null
  >`case when ${auditLog.actorKind} = 'user' then ${users.name} end`,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
};

export type AuditFilter = {
  action?: string; // a prefix: "award." or "award.revoke"
  entityType?: string;
  entityId?: string;
  actorKind?: "user" | "device" | "cli" | "system";
  actorId?: number;
  from?: Date; // inclusive
  until?: Date; // exclusive
};

function filterWhere(f: AuditFilter): SQL | undefined {
  const prefix = f.action?.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return and(
    prefix
      ? sql`${auditLog.action} like ${`${prefix}%`} escape '\\'`
      : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.actorKind ? eq(auditLog.actorKind, f.actorKind) : undefined,
    f.actorId !== undefined ? eq(auditLog.actorId, f.actorId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.until ? lt(auditLog.at, f.until) : undefined,
  );
}

/** One page of the audit log, newest first, with the total count. */
export function listAudit(
  db: Reader,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): { rows: AuditRow[]; total: number } {
  const where = filterWhere(filter);
  const total =
    db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows, total };
}

/** Audit rows about any of the given entities, newest first. */
export function listEntityHistory(
  db: Reader,
  entities: { type: string; ids: (number | string)[] }[],
  limit: number,
): AuditRow[] {
  const matches = entities
    .filter((e) => e.ids.length > 0)
    .map((e) =>
      and(
        eq(auditLog.entityType, e.type),
        inArray(auditLog.entityId, e.ids.map(String)),
      ),
    );
  if (matches.length === 0) return [];
  return db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(or(...matches))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
}

/** Staff who may appear as actors, for the filter. */
export function listUsers(db: Reader) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .orderBy(asc(users.name))
    .all();
}

/** The entity types that occur in the log, for the filter. */
export function listEntityTypes(db: Reader): string[] {
  return db
    .select({ type: auditLog.entityType })
    .from(auditLog)
    .groupBy(auditLog.entityType)
    .orderBy(asc(auditLog.entityType))
    .all()
    .map((r) => r.type);
}
