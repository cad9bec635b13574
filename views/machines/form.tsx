import type { FormState } from "../../src/lib/forms";
import { FormError, KeyField, TextField } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";
import { MACHINE_STYLES } from "./list";
import { RequirementCheckResult, type RequirementWords } from "./parts";

/** Create (no code given) or edit (code fixed) a machine. */
export function MachineFormPage(props: {
  ctx: PageContext;
  code?: string;
  form: FormState;
  areas: string[];
  check: RequirementWords;
}) {
  const { values, errors } = props.form;
  const editing = props.code !== undefined;
  const title = editing ? `Edit machine ${props.code}` : "New machine";
  const action = editing ? `/machines/${props.code}/edit` : "/machines/new";
  return (
    <Layout title={title} ctx={props.ctx} styles={MACHINE_STYLES}>
      <h1>{title}</h1>
      <form method="post" action={action} class="narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={errors._form} />
        <KeyField
          name="code"
          label="Code"
          record="machine"
          fixed={props.code}
          value={values.code}
          error={errors.code}
          hint="Upper-case letters, digits and dashes, like LATHE-02. It cannot change later."
        />
        <TextField
          name="name"
          label="Name"
          value={values.name}
          error={errors.name}
          required
        />
        <TextField
          name="area"
          label="Area"
          value={values.area}
          error={errors.area}
          hint="Where it stands, like Machine Shop or Welding Bay."
          suggestions={props.areas}
          required
        />
        <TextField
          name="capacity"
          label="Capacity"
          type="number"
          value={values.capacity ?? "1"}
          error={errors.capacity}
          hint="How many students can use it at once."
          attrs={{ min: 1, max: 99, step: 1 }}
          required
        />
        <RequirementField
          value={values.requirement}
          error={errors.requirement}
          check={props.check}
        />
        <p class="actions">
          <button type="submit">
            {editing ? "Save machine" : "Create machine"}
          </button>
          <a href={editing ? `/machines/${props.code}` : "/machines"}>Cancel</a>
        </p>
      </form>
    </Layout>
  );
}

// Checked as the admin types: the input posts its form to the check
// route, which answers with the words (or the problem) for the live region.
function RequirementField(props: {
  value?: string;
  error?: string;
  check: RequirementWords;
}) {
  const describedBy = ["f-requirement-hint", "requirement-check"];
  if (props.error) describedBy.push("f-requirement-error");
  return (
    <>
      <TextField
        name="requirement"
        label="Requirement"
        value={props.value}
        error={props.error}
        hint={
          <>
            Badge slugs joined by <code>&amp;</code> (and) and <code>|</code>{" "}
            (or), with parentheses, like{" "}
            <code>
              shop-safety &amp; (lathe-intermediate-skills |
              lathe-advanced-skills)
            </code>
            . Empty: no badge needed.
          </>
        }
        attrs={{
          autocomplete: "off",
          spellcheck: false,
          "aria-describedby": describedBy.join(" "),
          "hx-post": "/machines/requirement-check",
          "hx-trigger": "input changed delay:300ms",
          "hx-target": "#requirement-check",
          "hx-swap": "innerHTML",
        }}
      />
      <p id="requirement-check" class="requirement-check" aria-live="polite">
        <RequirementCheckResult check={props.check} />
      </p>
    </>
  );
}
