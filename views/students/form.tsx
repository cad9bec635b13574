import type { FormState } from "../../src/lib/forms";
import { FormError, SelectField, TextField } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";
import { studentHref, RECORD_STYLES } from "./parts";

export type StudentFormValues = {
  number: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
};

/** Add a student, or edit one when `editing` names the current number. */
export function StudentFormPage(props: {
  ctx: PageContext;
  form: FormState<StudentFormValues>;
  editing?: { number: string; name: string };
}) {
  const { values, errors } = props.form;
  const { editing } = props;
  const title = editing ? `Edit ${editing.name}` : "Add a student";
  const action = editing
    ? studentHref(editing.number, "/edit")
    : "/students/new";
  const cancel = editing ? studentHref(editing.number) : "/students";
  return (
    <Layout title={title} ctx={props.ctx} styles={RECORD_STYLES}>
      <h1>{title}</h1>
      <form method="post" action={action} class="narrow" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={errors._form} />
        <TextField
          name="number"
          label="Student number"
          value={values.number}
          error={errors.number}
          autocomplete="off"
          required
        />
        <TextField
          name="firstName"
          label="First name"
          value={values.firstName}
          error={errors.firstName}
          autocomplete="off"
          required
        />
        <TextField
          name="lastName"
          label="Last name"
          value={values.lastName}
          error={errors.lastName}
          autocomplete="off"
          required
        />
        <TextField
          name="email"
          label="Email"
          type="email"
          value={values.email}
          error={errors.email}
          autocomplete="off"
          required
        />
        <SelectField
          name="status"
          label="Status"
          value={values.status ?? "active"}
          error={errors.status}
          hint="Inactive students are not cleared for any machine."
          options={[
            { value: "active", label: "Active" },
            { value: "inactive", label: "Inactive" },
          ]}
        />
        <p class="actions">
          <button type="submit">
            {editing ? "Save changes" : "Add the student"}
          </button>
          <a class="button secondary" href={cancel}>
            Cancel
          </a>
        </p>
      </form>
    </Layout>
  );
}
