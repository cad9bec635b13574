import type { FieldErrors } from "../../src/lib/errors";
import {
  FormError,
  KeyField,
  SelectField,
  TextArea,
  TextField,
} from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";

export type BadgeFormState = {
  values: Record<string, string>;
  assessorIds: string[];
  errors: FieldErrors;
};

export type BadgeFormOptions = {
  tracks: string[];
  assessors: { id: number; name: string; role: string }[];
};

const TYPES = ["knowledge", "skills", "experience"];
const LEVELS = ["introductory", "intermediate", "advanced"];
const options = (list: string[]) => [
  { value: "", label: "Choose…" },
  ...list.map((v) => ({ value: v, label: v })),
];

/** Create (no slug given) or edit (slug fixed) a badge. */
export function BadgeFormPage(props: {
  ctx: PageContext;
  slug?: string;
  form: BadgeFormState;
  options: BadgeFormOptions;
}) {
  const { values, errors } = props.form;
  const editing = props.slug !== undefined;
  const title = editing ? `Edit badge ${values.name ?? ""}` : "New badge";
  const action = editing
    ? `/admin/badges/${props.slug}/edit`
    : "/admin/badges/new";
  return (
    <Layout
      title={title}
      ctx={props.ctx}
      styles={["/public/catalog-admin.css"]}
    >
      <h1>{title}</h1>
      <form method="post" action={action} class="narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={errors._form} />
        <KeyField
          name="slug"
          label="Slug"
          record="badge"
          fixed={props.slug}
          value={values.slug}
          error={errors.slug}
          hint="Lower-case words joined by dashes, like lathe-intermediate-skills. It cannot change later."
        />
        <TextField
          name="name"
          label="Name"
          value={values.name}
          error={errors.name}
          required
        />
        <TextField
          name="track"
          label="Track"
          value={values.track}
          error={errors.track}
          hint="The skill family, like lathe or welding-mig."
          suggestions={props.options.tracks}
          required
        />
        <SelectField
          name="type"
          label="Type"
          value={values.type}
          error={errors.type}
          options={options(TYPES)}
          required
        />
        <SelectField
          name="level"
          label="Level"
          value={values.level}
          error={errors.level}
          options={options(LEVELS)}
          required
        />
        <TextArea
          name="description"
          label="Description"
          value={values.description}
          error={errors.description}
        />
        <TextArea
          name="criteria"
          label="Criteria"
          value={values.criteria}
          error={errors.criteria}
          hint="What a student does to earn it."
        />
        <TextField
          name="criteriaUrl"
          label="Criteria web address (optional)"
          type="url"
          value={values.criteriaUrl}
          error={errors.criteriaUrl}
          hint="The microcourse that earns it, starting with https://"
        />
        <TextField
          name="validity"
          label="Validity"
          value={values.validity ?? "never"}
          error={errors.validity}
          hint={
            'Write "never", a number of months like "24 months", or ' +
            '"annual 08-31" (expires on the first August 31 after the award).'
          }
          required
        />
        <TextField
          name="lapseUnusedMonths"
          label="Lapses after this many months unused (optional)"
          type="number"
          value={values.lapseUnusedMonths}
          error={errors.lapseUnusedMonths}
          hint="Leave empty if it does not lapse when unused."
          attrs={{ min: 1, max: 120, step: 1 }}
        />
        <AssessorChoices
          assessors={props.options.assessors}
          checked={props.form.assessorIds}
          error={errors.assessors}
        />
        <p class="actions">
          <button type="submit">
            {editing ? "Save badge" : "Create badge"}
          </button>
          <a href="/admin/badges">Cancel</a>
        </p>
      </form>
    </Layout>
  );
}

function AssessorChoices(props: {
  assessors: BadgeFormOptions["assessors"];
  checked: string[];
  error?: string;
}) {
  return (
    <fieldset
      class={props.error ? "field has-error" : "field"}
      aria-describedby="assessors-hint"
    >
      <legend>Assessors</legend>
      <p class="hint" id="assessors-hint">
        Who may award this badge. None ticked: any supervisor may.
      </p>
      {props.assessors.map((a) => (
        <label class="choice">
          <input
            type="checkbox"
            name="assessors"
            value={String(a.id)}
            checked={props.checked.includes(String(a.id))}
          />{" "}
          {a.name} <span class="muted">({a.role})</span>
        </label>
      ))}
      {props.assessors.length === 0 && (
        <p class="muted">There are no supervisors or admins yet.</p>
      )}
      {props.error && (
        <p class="error">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
