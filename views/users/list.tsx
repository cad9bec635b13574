import { FormError } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";

export type StaffRow = {
  id: number;
  email: string;
  name: string;
  role: "staff" | "supervisor" | "admin";
  active: boolean;
};

const ROLES = ["staff", "supervisor", "admin"] as const;

/** Staff accounts with their role and whether they may sign in. */
export function UserListPage(props: {
  ctx: PageContext;
  users: StaffRow[];
  error?: string;
}) {
  return (
    <Layout
      title="Users"
      ctx={props.ctx}
      styles={["/public/catalog-admin.css"]}
    >
      <h1>Users</h1>
      <p class="actions">
        <a class="button" href="/admin/users/new">
          New user
        </a>
      </p>
      <FormError message={props.error} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <UserRow ctx={props.ctx} user={u} />
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

function UserRow(props: { ctx: PageContext; user: StaffRow }) {
  const u = props.user;
  const self = props.ctx.user?.id === u.id;
  return (
    <tr>
      <td>
        {u.name}
        {self && <span class="muted"> (you)</span>}
      </td>
      <td>{u.email}</td>
      <td>{self ? u.role : <RoleForm ctx={props.ctx} user={u} />}</td>
      <td>
        {u.active ? (
          <span class="status status-ok">
            <span aria-hidden="true">✔</span> Active
          </span>
        ) : (
          <span class="status status-muted">
            <span aria-hidden="true">⏸</span> Deactivated
          </span>
        )}
      </td>
      <td>{!self && <ActiveForm ctx={props.ctx} user={u} />}</td>
    </tr>
  );
}

function RoleForm(props: { ctx: PageContext; user: StaffRow }) {
  const u = props.user;
  const id = `role-${u.id}`;
  return (
    <form method="post" action={`/admin/users/${u.id}/role`} class="inline">
      <CsrfField token={props.ctx.csrfToken} />
      <label for={id} class="visually-hidden">
        Role for {u.name}
      </label>
      <select id={id} name="role">
        {ROLES.map((r) => (
          <option value={r} selected={r === u.role}>
            {r}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        Change role<span class="visually-hidden"> for {u.name}</span>
      </button>
    </form>
  );
}

function ActiveForm(props: { ctx: PageContext; user: StaffRow }) {
  const u = props.user;
  const verb = u.active ? "deactivate" : "activate";
  return (
    <form method="post" action={`/admin/users/${u.id}/${verb}`} class="inline">
      <CsrfField token={props.ctx.csrfToken} />
      <button
        type="submit"
        class={u.active ? "danger" : "secondary"}
        data-confirm={
          u.active
            ? `Deactivate ${u.name}? They can no longer sign in.`
            : undefined
        }
      >
        {u.active ? "Deactivate" : "Activate"}
        <span class="visually-hidden"> {u.name}</span>
      </button>
    </form>
  );
}
