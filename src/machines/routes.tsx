import { Hono, type Context } from "hono";
import { requireAdmin, requireStaff, requireSupervisor } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { InvalidError, type FieldErrors } from "../lib/errors";
import { fieldErrors, formValues, type FormState } from "../lib/forms";
import { isHtmx, pageContext, renderPage } from "../lib/render";
import { MachineDetailPage, ServicePanel } from "../../views/machines/detail";
import { MachineFormPage } from "../../views/machines/form";
import { MachineListPage, type ClosingError } from "../../views/machines/list";
import { RequirementCheckResult } from "../../views/machines/parts";
import {
  AreaClosingSchema,
  CodeParamSchema,
  MachineFieldsSchema,
  NewMachineSchema,
  RequirementCheckSchema,
  ServiceSchema,
} from "./schemas";
import {
  checkRequirement,
  createMachine,
  getMachine,
  listAreas,
  listMachinesByArea,
  setAreaClosingTime,
  setMachineService,
  updateMachine,
} from "./service";
import { redirectWithNotice } from "../lib/notice";

type Ctx = Context<AppEnv>;

export const machineRoutes = new Hono<AppEnv>();

machineRoutes.get("/machines", requireStaff, (c) => renderList(c));

machineRoutes.get("/machines/new", requireAdmin, (c) =>
  renderForm(c, { form: { values: { capacity: "1" }, errors: {} } }),
);

machineRoutes.post("/machines/new", requireAdmin, async (c) => {
  const body = await c.req.parseBody();
  const values = formValues(body);
  const parsed = NewMachineSchema.safeParse(body);
  const reject = (errors: FieldErrors) =>
    renderForm(c, { form: { values, errors } });
  if (!parsed.success) return reject(fieldErrors(parsed.error));

  try {
    createMachine(c.var.deps.db, c.var.actor!, parsed.data);
  } catch (err) {
    if (err instanceof InvalidError) return reject(err.fields);
    throw err;
  }
  return redirectWithNotice(
    c,
    `/machines/${parsed.data.code}`,
    "Machine added.",
  );
});

// The as-you-type check of the machine form: always a small partial.
machineRoutes.post("/machines/requirement-check", requireStaff, async (c) => {
  const { requirement } = RequirementCheckSchema.parse(await c.req.parseBody());

  const check = checkRequirement(c.var.deps.db, requirement);

  c.header("Vary", "HX-Request");
  return c.html(<RequirementCheckResult check={check} />);
});

machineRoutes.post("/machines/area-closing", requireAdmin, async (c) => {
  const body = await c.req.parseBody();
  const values = formValues(body);
  const parsed = AreaClosingSchema.safeParse(body);
  const reject = (message: string) =>
    renderList(c, {
      area: values.area ?? "",
      value: values.closingTime ?? "",
      message,
    });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return reject(errors.closingTime ?? errors.area ?? "Check the time");
  }

  setAreaClosingTime(c.var.deps.db, c.var.actor!, parsed.data);

  return redirectWithNotice(c, "/machines", "Closing time saved.");
});

machineRoutes.get("/machines/:code", requireStaff, (c) => {
  const { code } = CodeParamSchema.parse(c.req.param());

  const machine = getMachine(c.var.deps.db, code);

  const ctx = pageContext(c);
  return renderPage(c, {
    page: () => <MachineDetailPage ctx={ctx} machine={machine} />,
  });
});

machineRoutes.get("/machines/:code/edit", requireAdmin, (c) => {
  const { code } = CodeParamSchema.parse(c.req.param());

  const m = getMachine(c.var.deps.db, code);

  const values = {
    name: m.name,
    area: m.area,
    capacity: String(m.capacity),
    requirement: m.requirement,
  };
  return renderForm(c, { code, form: { values, errors: {} } });
});

machineRoutes.post("/machines/:code/edit", requireAdmin, async (c) => {
  const { code } = CodeParamSchema.parse(c.req.param());
  const body = await c.req.parseBody();
  const values = formValues(body);
  getMachine(c.var.deps.db, code); // an unknown machine is a 404, not a form
  const parsed = MachineFieldsSchema.safeParse(body);
  const reject = (errors: FieldErrors) =>
    renderForm(c, { code, form: { values, errors } });
  if (!parsed.success) return reject(fieldErrors(parsed.error));

  try {
    updateMachine(c.var.deps.db, c.var.actor!, code, parsed.data);
  } catch (err) {
    if (err instanceof InvalidError) return reject(err.fields);
    throw err;
  }
  return redirectWithNotice(c, `/machines/${code}`, "Machine saved.");
});

machineRoutes.post("/machines/:code/service", requireSupervisor, async (c) => {
  const { code } = CodeParamSchema.parse(c.req.param());
  const body = await c.req.parseBody();
  const values = formValues(body);
  const db = c.var.deps.db;
  const parsed = ServiceSchema.safeParse(body);
  if (!parsed.success) {
    const form = { values, errors: fieldErrors(parsed.error) };
    return renderDetail(c, getMachine(db, code), form, 422);
  }

  setMachineService(db, c.var.actor!, code, parsed.data);

  if (!isHtmx(c)) {
    return redirectWithNotice(c, `/machines/${code}`, "Service status saved.");
  }
  return renderDetail(c, getMachine(db, code), undefined, 200);
});

function renderList(c: Ctx, closingError?: ClosingError) {
  const areas = listMachinesByArea(c.var.deps.db);
  return renderPage(
    c,
    {
      page: () => (
        <MachineListPage
          ctx={pageContext(c)}
          areas={areas}
          closingError={closingError}
        />
      ),
    },
    closingError ? 422 : 200,
  );
}

function renderDetail(
  c: Ctx,
  machine: ReturnType<typeof getMachine>,
  form: FormState | undefined,
  status: 200 | 422,
) {
  const ctx = pageContext(c);
  return renderPage(
    c,
    {
      page: () => (
        <MachineDetailPage ctx={ctx} machine={machine} serviceForm={form} />
      ),
      partial: () => <ServicePanel ctx={ctx} machine={machine} form={form} />,
    },
    status,
  );
}

function renderForm(c: Ctx, view: { code?: string; form: FormState }) {
  const db = c.var.deps.db;
  const check = checkRequirement(db, view.form.values.requirement ?? "");
  const failed = Object.keys(view.form.errors).length > 0;
  return renderPage(
    c,
    {
      page: () => (
        <MachineFormPage
          ctx={pageContext(c)}
          code={view.code}
          form={view.form}
          areas={listAreas(db)}
          check={check}
        />
      ),
    },
    failed ? 422 : 200,
  );
}
