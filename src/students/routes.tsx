import { Hono, type Context } from "hono";
import { requireStaff, requireSupervisor } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { InvalidError, type FieldErrors } from "../lib/errors";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import {
  StudentFormPage,
  type StudentFormValues,
} from "../../views/students/form";
import { StudentListPage, StudentResults } from "../../views/students/list";
import { StudentPage } from "../../views/students/show";
import { StudentFormSchema, StudentListQuerySchema } from "./schemas";
import {
  createStudent,
  findStudents,
  getStudent,
  loadStudentRecord,
  updateStudent,
} from "./service";
import { redirectWithNotice } from "../lib/notice";

export const studentRoutes = new Hono<AppEnv>();

const studentPath = (number: string) =>
  `/students/${encodeURIComponent(number)}`;

studentRoutes.get("/students", requireStaff, (c) => {
  const query = StudentListQuerySchema.parse(c.req.query());

  const found = findStudents(c.var.deps.db, query);

  const data = { ...found, q: query.q, status: query.status };
  return renderPage(c, {
    page: () => <StudentListPage ctx={pageContext(c)} data={data} />,
    partial: () => <StudentResults data={data} />,
  });
});

function renderForm(
  c: Context<AppEnv>,
  values: Partial<StudentFormValues>,
  errors: FieldErrors = {},
  editing?: { number: string; name: string },
) {
  const form = { values, errors };
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    {
      page: () => (
        <StudentFormPage ctx={pageContext(c)} form={form} editing={editing} />
      ),
    },
    status,
  );
}

studentRoutes.get("/students/new", requireSupervisor, (c) =>
  renderForm(c, { status: "active" }),
);

studentRoutes.post("/students/new", requireSupervisor, async (c) => {
  const values = formValues(await c.req.parseBody());
  const parsed = StudentFormSchema.safeParse(values);
  if (!parsed.success) return renderForm(c, values, fieldErrors(parsed.error));

  const { deps, actor } = c.var;
  try {
    const student = createStudent(deps.db, deps.config, actor!, parsed.data);
    return redirectWithNotice(c, studentPath(student.number), "Student added.");
  } catch (err) {
    if (err instanceof InvalidError) return renderForm(c, values, err.fields);
    throw err;
  }
});

studentRoutes.get("/students/:number/edit", requireSupervisor, (c) => {
  const student = getStudent(c.var.deps.db, c.req.param("number"));

  const { number, firstName, lastName, email, status } = student;
  const editing = { number, name: `${firstName} ${lastName}` };
  return renderForm(
    c,
    { number, firstName, lastName, email, status },
    {},
    editing,
  );
});

studentRoutes.post("/students/:number/edit", requireSupervisor, async (c) => {
  const { db } = c.var.deps;
  const student = getStudent(db, c.req.param("number"));
  const editing = {
    number: student.number,
    name: `${student.firstName} ${student.lastName}`,
  };
  const values = formValues(await c.req.parseBody());
  const parsed = StudentFormSchema.safeParse(values);
  if (!parsed.success) {
    return renderForm(c, values, fieldErrors(parsed.error), editing);
  }

  try {
    const saved = updateStudent(db, c.var.actor!, student.id, parsed.data);
    return redirectWithNotice(c, studentPath(saved.number), "Details saved.");
  } catch (err) {
    if (err instanceof InvalidError) {
      return renderForm(c, values, err.fields, editing);
    }
    throw err;
  }
});

studentRoutes.get("/students/:number", requireStaff, (c) => {
  const record = loadStudentRecord(c.var.deps.db, c.req.param("number"));

  return renderPage(c, {
    page: () => <StudentPage ctx={pageContext(c)} record={record} />,
  });
});
