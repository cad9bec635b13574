import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";

// Instants are epoch milliseconds; calendar days are "YYYY-MM-DD" text.
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const ROLES = ["staff", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(), // stored lower-case
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export const authSessions = sqliteTable(
  "auth_sessions",
  {
    // sha256 of the cookie value; the cookie itself is never stored
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const STUDENT_STATUSES = ["active", "inactive"] as const;

export const students = sqliteTable(
  "students",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("student_number").notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull().unique(), // stored lower-case
    status: text("status", { enum: STUDENT_STATUSES })
      .notNull()
      .default("active"),
    createdAt: createdAt(),
  },
  (t) => [
    index("students_name_idx").on(t.lastName, t.firstName),
    // reports: the few inactive students, without reading every row
    index("students_status_idx").on(t.status),
  ],
);

export const studentCredentials = sqliteTable(
  "student_credentials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    // the token is derived from the app secret and this nonce; only its
    // hash is stored and looked up (see README, "QR credential")
    nonce: text("nonce").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    replacedAt: integer("replaced_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("student_credentials_student_idx").on(t.studentId)],
);

export const BADGE_TRACKS_EXAMPLE = [
  "shop-safety",
  "welding-mig",
  "welding-tig",
  "lathe",
  "mill",
  "mastercam",
] as const;
export const BADGE_TYPES = ["knowledge", "skills", "experience"] as const;
export const BADGE_LEVELS = [
  "introductory",
  "intermediate",
  "advanced",
] as const;
export const VALIDITY_KINDS = ["never", "months", "annual"] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];
export type BadgeLevel = (typeof BADGE_LEVELS)[number];
export type ValidityKind = (typeof VALIDITY_KINDS)[number];

export const badges = sqliteTable("badges", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  track: text("track").notNull(),
  type: text("type", { enum: BADGE_TYPES }).notNull(),
  level: text("level", { enum: BADGE_LEVELS }).notNull(),
  description: text("description").notNull().default(""),
  criteria: text("criteria").notNull().default(""),
  criteriaUrl: text("criteria_url"),
  validityKind: text("validity_kind", { enum: VALIDITY_KINDS })
    .notNull()
    .default("never"),
  validityMonths: integer("validity_months"),
  validityAnnual: text("validity_annual"), // "MM-DD"
  lapseUnusedMonths: integer("lapse_unused_months"),
  archived: integer("archived", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

// When a badge lists assessors, only they may award it.
export const badgeAssessors = sqliteTable(
  "badge_assessors",
  {
    badgeId: integer("badge_id")
      .notNull()
      .references(() => badges.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.badgeId, t.userId] })],
);

export const machines = sqliteTable(
  "machines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    area: text("area").notNull(),
    inService: integer("in_service", { mode: "boolean" })
      .notNull()
      .default(true),
    outOfServiceReason: text("out_of_service_reason"),
    capacity: integer("capacity").notNull().default(1),
    requirement: text("requirement").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("machines_area_idx").on(t.area)],
);

export const AWARD_SOURCES = ["manual", "import"] as const;

export const awards = sqliteTable(
  "awards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    badgeId: integer("badge_id")
      .notNull()
      .references(() => badges.id),
    issuedOn: text("issued_on").notNull(),
    expiresOn: text("expires_on"),
    assessorId: integer("assessor_id").references(() => users.id),
    // an imported assessor who has no account here
    assessorName: text("assessor_name"),
    evidence: text("evidence"),
    source: text("source", { enum: AWARD_SOURCES }).notNull().default("manual"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: integer("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    index("awards_student_idx").on(t.studentId),
    index("awards_badge_idx").on(t.badgeId, t.expiresOn),
    index("awards_expires_idx").on(t.expiresOn),
    // reports: covers roster candidates and per-badge counts (no row reads)
    index("awards_badge_holder_idx").on(
      t.badgeId,
      t.studentId,
      t.issuedOn,
      t.expiresOn,
      t.revokedAt,
    ),
    // reports: awards issued, and revoked, per month
    index("awards_issued_idx").on(t.issuedOn, t.badgeId),
    index("awards_revoked_idx")
      .on(t.revokedAt)
      .where(sql`${t.revokedAt} is not null`),
  ],
);

export const HOLD_SCOPES = ["all", "machine", "track"] as const;

export const holds = sqliteTable(
  "holds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    scope: text("scope", { enum: HOLD_SCOPES }).notNull(),
    machineId: integer("machine_id").references(() => machines.id),
    track: text("track"),
    reason: text("reason").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    placedBy: integer("placed_by").references(() => users.id),
    placedAt: createdAt(),
    liftedAt: integer("lifted_at", { mode: "timestamp_ms" }),
    liftedBy: integer("lifted_by").references(() => users.id),
    liftReason: text("lift_reason"),
  },
  (t) => [index("holds_student_idx").on(t.studentId)],
);

export const ACTOR_KINDS = ["user", "device", "cli", "system"] as const;

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorKind: text("actor_kind", { enum: ACTOR_KINDS }).notNull(),
    actorId: integer("actor_id"),
    action: text("action").notNull(), // e.g. "award.create"
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_at_idx").on(t.at),
  ],
);

export const DEVICE_KINDS = ["kiosk", "interlock"] as const;

export const devices = sqliteTable("devices", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  kind: text("kind", { enum: DEVICE_KINDS }).notNull(),
  area: text("area"),
  machineId: integer("machine_id").references(() => machines.id),
  secretHash: text("secret_hash").notNull().unique(),
  createdAt: createdAt(),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

export const SESSION_END_KINDS = ["scan", "staff", "device", "auto"] as const;

// A student's use of a machine (not to be confused with auth sessions).
export const machineSessions = sqliteTable(
  "machine_sessions",
  {
    id: text("id").primaryKey(), // random UUID, exposed by the device API
    machineId: integer("machine_id")
      .notNull()
      .references(() => machines.id),
    studentId: integer("student_id")
      .notNull()
      .references(() => students.id),
    deviceId: integer("device_id").references(() => devices.id),
    startedBy: integer("started_by").references(() => users.id),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endKind: text("end_kind", { enum: SESSION_END_KINDS }),
    endedBy: integer("ended_by").references(() => users.id),
    overrideBy: integer("override_by").references(() => users.id),
    overrideReason: text("override_reason"),
  },
  (t) => [
    index("machine_sessions_machine_idx").on(t.machineId, t.endedAt),
    index("machine_sessions_student_idx").on(t.studentId, t.startedAt),
    index("machine_sessions_started_idx").on(t.startedAt),
    // reports: covers the usage scan of a date range
    index("machine_sessions_usage_idx").on(
      t.startedAt,
      t.machineId,
      t.studentId,
      t.endedAt,
    ),
    // last use per machine for the "lapses unused" rule
    index("machine_sessions_student_machine_idx").on(
      t.studentId,
      t.machineId,
      t.startedAt,
    ),
    // reports: the few overridden sign-ins of a date range
    index("machine_sessions_override_idx")
      .on(t.startedAt)
      .where(sql`${t.overrideBy} is not null`),
  ],
);

export const CREDENTIAL_KINDS = [
  "token",
  "student-number",
  "replaced",
  "unknown",
] as const;
export const DECISION_ACTIONS = [
  "check",
  "sign-in",
  "sign-out",
  "override",
] as const;

export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    deviceId: integer("device_id").references(() => devices.id),
    userId: integer("user_id").references(() => users.id),
    machineId: integer("machine_id").references(() => machines.id),
    studentId: integer("student_id").references(() => students.id),
    action: text("action", { enum: DECISION_ACTIONS }).notNull(),
    granted: integer("granted", { mode: "boolean" }).notNull(),
    reasonCodes: text("reason_codes", { mode: "json" })
      .$type<string[]>()
      .notNull(),
    credentialKind: text("credential_kind", {
      enum: CREDENTIAL_KINDS,
    }).notNull(),
    // first 12 hex chars of sha256(token) for unknown cards, never the token
    credentialHash: text("credential_hash"),
  },
  (t) => [
    index("decisions_at_idx").on(t.at),
    index("decisions_student_idx").on(t.studentId, t.at),
  ],
);

export const areaSettings = sqliteTable("area_settings", {
  area: text("area").primaryKey(),
  closingTime: text("closing_time").notNull(), // "HH:MM", local time
});
