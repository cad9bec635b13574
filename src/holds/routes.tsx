import { Hono, type Context } from "hono";
import { requireSupervisor } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { today } from "../lib/dates";
import { InvalidError, NotFoundError, type FieldErrors } from "../lib/errors";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { getStudent } from "../students/service";
import { HoldFormPage, type HoldFormValues } from "../../views/holds/form";
import { HoldFormSchema, HoldIdSchema, LiftFormSchema } from "./schemas";
import { holdFormOptions, liftHold, placeHold } from "./service";
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
  const parsed = LiftFormSchema.safeParse(formValues(await c.req.parseBody()));
  if (!parsed.success) {
    throw new InvalidError(fieldErrors(parsed.error).note ?? "Bad note");
  }

  const { db } = c.var.deps;
  const done = liftHold(db, c.var.actor!, id.data, parsed.data.note);

  return redirectWithNotice(c, studentPath(done.studentNumber), "Hold lifted.");
});
