import { Hono, type Context } from "hono";
import { requireAdmin } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { InvalidError, type FieldErrors } from "../lib/errors";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { NewUserPage } from "../../views/users/form";
import { UserListPage } from "../../views/users/list";
import { NewUserSchema, RoleSchema, UserIdParamSchema } from "./schemas";
import {
  activateUser,
  changeUserRole,
  createStaffUser,
  deactivateUser,
  listStaffUsers,
} from "./service";
import { redirectWithNotice } from "../lib/notice";

type Ctx = Context<AppEnv>;

export const userRoutes = new Hono<AppEnv>();

userRoutes.get("/admin/users", requireAdmin, (c) => renderList(c));

userRoutes.get("/admin/users/new", requireAdmin, (c) =>
  renderNew(c, { values: {}, errors: {} }),
);

userRoutes.post("/admin/users/new", requireAdmin, async (c) => {
  const body = await c.req.parseBody();
  const { password: _, ...values } = formValues(body);
  const parsed = NewUserSchema.safeParse(body);
  const reject = (errors: FieldErrors) => renderNew(c, { values, errors });
  if (!parsed.success) return reject(fieldErrors(parsed.error));

  try {
    await createStaffUser(c.var.deps.db, c.var.actor!, parsed.data);
  } catch (err) {
    if (err instanceof InvalidError) return reject(err.fields);
    throw err;
  }
  return redirectWithNotice(c, "/admin/users", "Account created.");
});

userRoutes.post("/admin/users/:id/role", requireAdmin, async (c) => {
  const { id } = UserIdParamSchema.parse(c.req.param());
  const parsed = RoleSchema.safeParse(await c.req.parseBody());
  if (!parsed.success) return renderList(c, fieldErrors(parsed.error).role);

  return act(c, () =>
    changeUserRole(c.var.deps.db, c.var.actor!, id, parsed.data.role),
  );
});

userRoutes.post("/admin/users/:id/deactivate", requireAdmin, (c) => {
  const { id } = UserIdParamSchema.parse(c.req.param());

  return act(c, () => deactivateUser(c.var.deps.db, c.var.actor!, id));
});

userRoutes.post("/admin/users/:id/activate", requireAdmin, (c) => {
  const { id } = UserIdParamSchema.parse(c.req.param());

  return act(c, () => activateUser(c.var.deps.db, c.var.actor!, id));
});

// Runs a change from the list; a refusal re-renders the list with it.
function act(c: Ctx, change: () => void) {
  try {
    change();
  } catch (err) {
    if (err instanceof InvalidError) return renderList(c, err.message);
    throw err;
  }
  return redirectWithNotice(c, "/admin/users", "Account updated.");
}

function renderList(c: Ctx, error?: string) {
  const users = listStaffUsers(c.var.deps.db, c.var.actor!);
  return renderPage(
    c,
    {
      page: () => (
        <UserListPage ctx={pageContext(c)} users={users} error={error} />
      ),
    },
    error ? 422 : 200,
  );
}

function renderNew(
  c: Ctx,
  form: { values: Record<string, string>; errors: FieldErrors },
) {
  const failed = Object.keys(form.errors).length > 0;
  return renderPage(
    c,
    { page: () => <NewUserPage ctx={pageContext(c)} form={form} /> },
    failed ? 422 : 200,
  );
}
