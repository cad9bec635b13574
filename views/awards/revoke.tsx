import type { FormState } from "../../src/lib/forms";
import { TextArea } from "../fields";
import type { PageContext } from "../layout";
import { StudentFormFrame } from "../students/parts";

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
  const student = { number: award.studentNumber, name: award.studentName };
  return (
    <StudentFormFrame
      ctx={props.ctx}
      student={student}
      title={`Revoke ${award.badgeName}`}
      action={`/awards/${award.id}/revoke`}
      formError={errors._form}
      submit="Revoke the award"
      danger
      intro={
        <p>
          {award.studentName} was awarded {award.badgeName} on {award.issuedOn}.
          Revoking keeps the award in the record, marked revoked, and it no
          longer counts towards any machine.
        </p>
      }
    >
      <TextArea
        name="reason"
        label="Reason"
        value={values.reason}
        error={errors.reason}
        required
      />
    </StudentFormFrame>
  );
}
