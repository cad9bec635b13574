import { and, asc, count, eq, ne, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { students } from "../db/schema";

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "insert" | "update">;

const studentColumns = {
  id: students.id,
  number: students.number,
  firstName: students.firstName,
  lastName: students.lastName,
  email: students.email,
  status: students.status,
  createdAt: students.createdAt,
};

export type StudentRow = {
  id: number;
  number: string;
  firstName: string;
  lastName: string;
  email: string;
  status: "active" | "inactive";
  createdAt: Date;
};

export function findStudentByNumber(
  db: Reader,
  number: string,
): StudentRow | null {
  return (
    db
      .select(studentColumns)
      .from(students)
      .where(eq(students.number, number))
      .get() ?? null
  );
}

export function findStudentIdByNumber(
  db: Reader,
  number: string,
): number | null {
  const row = db
    .select({ id: students.id })
    .from(students)
    .where(eq(students.number, number))
    .get();
  return row?.id ?? null;
}

export function findStudentById(db: Reader, id: number): StudentRow | null {
  return (
    db.select(studentColumns).from(students).where(eq(students.id, id)).get() ??
    null
  );
}

/**
 * The id of another student already using this number or email. Numbers
 * differing only in case (S1001, s1001) count as the same number.
 */
export function findClash(
  db: Reader,
  field: "number" | "email",
  value: string,
  exceptId?: number,
): number | null {
  const same =
    field === "number"
      ? sql`lower(${students.number}) = ${value.toLowerCase()}`
      : eq(students.email, value);
  const row = db
    .select({ id: students.id })
    .from(students)
    .where(
      and(same, exceptId === undefined ? undefined : ne(students.id, exceptId)),
    )
    .get();
  return row?.id ?? null;
}

// LIKE patterns treat % and _ as wildcards; escape what the user typed.
function contains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function like(column: SQLWrapper, pattern: string) {
  return sql`${column} like ${pattern} escape '\\'`;
}

function searchWhere(q: string, status: "all" | "active" | "inactive") {
  // every word must appear in a name, the number or the email
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  const matches = words.map((word) => {
    const p = contains(word);
    return or(
      like(students.firstName, p),
      like(students.lastName, p),
      like(students.number, p),
      like(students.email, p),
    );
  });
  const byStatus = status === "all" ? undefined : eq(students.status, status);
  return and(byStatus, ...matches);
}

/** One page of students matching the search, with the total count. */
export function searchStudents(
  db: Reader,
  filter: { q: string; status: "all" | "active" | "inactive" },
  page: { limit: number; offset: number },
): { rows: StudentRow[]; total: number } {
  const where = searchWhere(filter.q, filter.status);
  const total =
    db.select({ n: count() }).from(students).where(where).get()?.n ?? 0;
  const rows = db
    .select(studentColumns)
    .from(students)
    .where(where)
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows, total };
}

type StudentValues = {
  number: string;
  firstName: string;
  lastName: string;
  email: string;
  status: "active" | "inactive";
};

export function insertStudent(db: Writer, values: StudentValues) {
  return db
    .insert(students)
    .values(values)
    .returning({ id: students.id })
    .get();
}

export function updateStudent(db: Writer, id: number, values: StudentValues) {
  db.update(students).set(values).where(eq(students.id, id)).run();
}
