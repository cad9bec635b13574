import type { FormState } from "../../src/lib/forms";
import { SelectField, TextArea, TextField } from "../fields";
import type { PageContext } from "../layout";
import { studentHref, StudentFormFrame } from "../students/parts";

export type AwardFormValues = {
  badgeId: string;
  issuedOn: string;
  expiresOn: string;
  assessorId: string;
  evidence: string;
};

export type AwardFormOptions = {
  badges: { id: number; name: string }[];
  staff: { id: number; name: string; role: string }[];
};

export type ExpiryHint = { badgeName: string; expiresOn: string | null } | null;

/** The default expiry for the chosen badge and date (an htmx partial too). */
export function ExpiryHintText(props: { hint: ExpiryHint }) {
  const { hint } = props;
  if (!hint) return <>Leave empty to use the badge's own rule.</>;
  return hint.expiresOn ? (
    <>
      Leave empty to use the rule of {hint.badgeName}: it would expire on{" "}
      <strong>{hint.expiresOn}</strong>.
    </>
  ) : (
    <>Leave empty to use the rule of {hint.badgeName}: it would not expire.</>
  );
}

/** Award a badge to a student. */
export function AwardFormPage(props: {
  ctx: PageContext;
  student: { number: string; name: string };
  options: AwardFormOptions;
  form: FormState<AwardFormValues>;
  hint: ExpiryHint;
}) {
  const { values, errors } = props.form;
  const { student, options } = props;
  const title = `Award a badge to ${student.name}`;
  const expiryUrl = studentHref(student.number, "/awards/expiry");
  return (
    <StudentFormFrame
      ctx={props.ctx}
      student={student}
      title={title}
      action={studentHref(student.number, "/awards/new")}
      formError={errors._form}
      submit="Award the badge"
    >
      <SelectField
        name="badgeId"
        label="Badge"
        value={values.badgeId}
        error={errors.badgeId}
        required
        options={[
          { value: "", label: "Choose a badge" },
          ...options.badges.map((b) => ({
            value: String(b.id),
            label: b.name,
          })),
        ]}
      />
      <TextField
        name="issuedOn"
        label="Issued on"
        type="date"
        value={values.issuedOn}
        error={errors.issuedOn}
        required
      />
      <TextField
        name="expiresOn"
        label="Expires on (optional)"
        type="date"
        value={values.expiresOn}
        error={errors.expiresOn}
        hint={
          <span
            id="expiry-default"
            aria-live="polite"
            hx-get={expiryUrl}
            hx-trigger="change from:#f-badgeId, change from:#f-issuedOn"
            hx-include="#f-badgeId, #f-issuedOn"
          >
            <ExpiryHintText hint={props.hint} />
          </span>
        }
      />
      <SelectField
        name="assessorId"
        label="Assessor"
        value={values.assessorId}
        error={errors.assessorId}
        hint="The staff member who signed the award off. A badge that names its assessors may only be signed off by them, and recorded by them or an admin."
        required
        options={options.staff.map((u) => ({
          value: String(u.id),
          label: `${u.name} (${u.role})`,
        }))}
      />
      <TextArea
        name="evidence"
        label="Evidence (optional)"
        value={values.evidence}
        error={errors.evidence}
        hint="A note or the URL of the assessment record."
      />
    </StudentFormFrame>
  );
}
