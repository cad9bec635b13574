import { Hono, type Context } from "hono";
import { requireSupervisor } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { today } from "../lib/dates";
import { InvalidError, NotFoundError, type FieldErrors } from "../lib/errors";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { getStudent, loadStudentRecord } from "../students/service";
import { StudentPage } from "../../views/students/show";
import { HoldFormPage, type HoldFormValues } from "../../views/holds/form";
import { HoldFormSchema, HoldIdSchema, LiftFormSchema } from "./schemas";
import { getHold, holdFormOptions, liftHold, placeHold } from "./service";
import { redirectWithNotice } from "../lib/notice";

export const holdRoutes = new Hono<AppEnv>();

const studentPath = (number: string) =>
  `/students/${encodeURIComponent(number)}`;

function renderHoldForm(
  c: Context<AppEnv>,
  student: { number: string; firstName: string; lastName: string },
  values: Partial<HoldFormValues>,
  errors: FieldErrors = {},
) {
  const who = {
    number: student.number,
    name: `${student.firstName} ${student.lastName}`,
  };
  const options = holdFormOptions(c.var.deps.db);
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    {
      page: () => (
        <HoldFormPage
          ctx={pageContext(c)}
          student={who}
          options={options}
          form={{ values, errors }}
        />
      ),
    },
    status,
  );
}

holdRoutes.get("/students/:number/holds/new", requireSupervisor, (c) => {
  const student = getStudent(c.var.deps.db, c.req.param("number"));

  return renderHoldForm(c, student, { scope: "all", startsOn: today() });
});

holdRoutes.post("/students/:number/holds/new", requireSupervisor, async (c) => {
  const { db } = c.var.deps;
  const student = getStudent(db, c.req.param("number"));
  const values = formValues(await c.req.parseBody());
  const parsed = HoldFormSchema.safeParse(values);
  if (!parsed.success) {
    return renderHoldForm(c, student, values, fieldErrors(parsed.error));
  }

  try {
    placeHold(db, c.var.actor!, { ...parsed.data, studentId: student.id });
    return redirectWithNotice(c, studentPath(student.number), "Hold placed.");
  } catch (err) {
    if (err instanceof InvalidError) {
      return renderHoldForm(c, student, values, err.fields);
    }
    throw err;
  }
});

holdRoutes.post("/holds/:id/lift", requireSupervisor, async (c) => {
  const id = HoldIdSchema.safeParse(c.req.param("id"));
  if (!id.success) throw new NotFoundError("There is no such hold.");
  const { db } = c.var.deps;
  const hold = getHold(db, id.data);
  const values = formValues(await c.req.parseBody());
  const parsed = LiftFormSchema.safeParse(values);
  if (!parsed.success) {
    const error = fieldErrors(parsed.error).note ?? "Check the note";
    const lift = { holdId: hold.id, note: values.note ?? "", error };
    return renderStudentWithLift(c, hold.studentNumber, lift);
  }

  const done = liftHold(db, c.var.actor!, hold.id, parsed.data.note);

  return redirectWithNotice(c, studentPath(done.studentNumber), "Hold lifted.");
});

// The lift form lives in the student page's hold table: a bad note
// re-renders that page with the message under the note and the note kept.
function renderStudentWithLift(
  c: Context<AppEnv>,
  studentNumber: string,
  lift: { holdId: number; note: string; error: string },
) {
  const record = loadStudentRecord(c.var.deps.db, studentNumber);
  return renderPage(
    c,
    {
      page: () => (
        <StudentPage ctx={pageContext(c)} record={record} lift={lift} />
      ),
    },
    422,
  );
}
