import type { FormState } from "../../src/lib/forms";
import { FormError, SelectField, TextField } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";

const ROLE_OPTIONS = [
  { value: "staff", label: "Staff: look up students, run the kiosk" },
  { value: "supervisor", label: "Supervisor: also award, revoke, holds" },
  { value: "admin", label: "Admin: also badges, machines, users" },
];

/** A new staff account with its first password. */
export function NewUserPage(props: { ctx: PageContext; form: FormState }) {
  const { values, errors } = props.form;
  return (
    <Layout title="New user" ctx={props.ctx}>
      <h1>New user</h1>
      <form method="post" action="/admin/users/new" class="narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={errors._form} />
        <TextField
          name="email"
          label="Email"
          type="email"
          autocomplete="off"
          value={values.email}
          error={errors.email}
          required
        />
        <TextField
          name="name"
          label="Name"
          autocomplete="off"
          value={values.name}
          error={errors.name}
          required
        />
        <SelectField
          name="role"
          label="Role"
          value={values.role ?? "staff"}
          error={errors.role}
          options={ROLE_OPTIONS}
          required
        />
        <TextField
          name="password"
          label="Initial password"
          type="password"
          autocomplete="new-password"
          error={errors.password}
          hint="At least 10 characters. Give it to the person in private."
          required
        />
        <p class="actions">
          <button type="submit">Create user</button>
          <a href="/admin/users">Cancel</a>
        </p>
      </form>
    </Layout>
  );
}
