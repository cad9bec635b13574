import { issueCredential } from "../credentials/service";
import { writeAudit } from "../lib/audit";
import type { ImportError } from "./csv";
import {
  findRepeats,
  updateChange,
  type Change,
  type Conn,
  type Parsed,
  type Plan,
} from "./plan";
import * as q from "./queries";
import type { StudentRow } from "./schemas";

/**
 * Matches student rows to students by number and decides what each row
 * does. Emails are unique (stored lower-case) across the file and the shop.
 */
export function planStudents(db: Conn, rows: Parsed<StudentRow>[]): Plan {
  const errors: ImportError[] = [
    ...findRepeats(rows, "student_number", (r) => r.student_number),
    ...findRepeats(rows, "email", (r) => r.email),
  ];
  const numbers = rows.map((r) => r.row.student_number);
  const byNumber = new Map(
    q.findStudentsByNumbers(db, numbers).map((s) => [s.number, s]),
  );
  const emails = rows.map((r) => r.row.email);
  const byEmail = new Map(
    q.findStudentsByEmails(db, emails).map((s) => [s.email, s]),
  );

  const changes = rows.map(({ line, row }): Change => {
    const owner = byEmail.get(row.email);
    if (owner && owner.number !== row.student_number) {
      errors.push({
        line,
        column: "email",
        message: `is already the email of student ${owner.number}`,
      });
      return { action: "unchanged" };
    }
    const values = {
      number: row.student_number,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      status: row.status,
    };
    const current = byNumber.get(row.student_number);
    if (!current) {
      return createStudent({ ...values, status: values.status ?? "active" });
    }

    return updateChange("student", current, values, q.updateStudent);
  });
  return { errors, changes };
}

// A new student gets a QR credential in the same transaction.
function createStudent(row: q.StudentValues): Change {
  return {
    action: "create",
    write: (tx, { actor, config }) => {
      const id = q.insertStudent(tx, row);
      issueCredential(tx, config, id);
      writeAudit(tx, actor, {
        action: "student.create",
        entityType: "student",
        entityId: id,
        after: row,
      });
    },
  };
}
