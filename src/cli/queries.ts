import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { students } from "../db/schema";

export function findStudentIdByNumber(db: Db, number: string): number | null {
  const row = db
    .select({ id: students.id })
    .from(students)
    .where(eq(students.number, number))
    .get();
  return row?.id ?? null;
}
