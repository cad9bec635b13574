import type { FormState } from "../../src/lib/forms";
import { FormError, TextArea } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";
import { studentHref, RECORD_STYLES } from "../students/parts";

/** Asks for the reason before revoking an award. */

export function RevokeAwardPage(props: {
  ctx: PageContext;
  award: {
    id: number;
    badgeName: string;
    issuedOn: string;
    studentNumber: string;
    studentName: string;
  };
  form: FormState<{ reason: string }>;
}) {
  const { award } = props;
  const { values, errors } = props.form;
  const title = `Revoke ${award.badgeName}`;
  return (
    <Layout title={title} ctx={props.ctx} styles={RECORD_STYLES}>
      <p class="breadcrumb">
        <a href={studentHref(award.studentNumber)}>{award.studentName}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {award.studentName} was awarded {award.badgeName} on {award.issuedOn}.
        Revoking keeps the award in the record, marked revoked, and it no longer
        counts towards any machine.
      </p>
      <form
        method="post"
        action={`/awards/${award.id}/revoke`}
        class="narrow"
        novalidate
      >
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={errors._form} />
        <TextArea
          name="reason"
          label="Reason"
          value={values.reason}
          error={errors.reason}
          required
        />
        <p class="actions">
          <button type="submit" class="danger">
            Revoke the award
          </button>
          <a class="button secondary" href={studentHref(award.studentNumber)}>
            Cancel
          </a>
        </p>
      </form>
    </Layout>
  );
}
