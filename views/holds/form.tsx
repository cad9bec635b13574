import type { FormState } from "../../src/lib/forms";
import { SelectField, TextArea, TextField } from "../fields";
import type { PageContext } from "../layout";
import { studentHref, StudentFormFrame } from "../students/parts";

export type HoldFormValues = {
  scope: string;
  machineId: string;
  track: string;
  reason: string;
  startsOn: string;
  endsOn: string;
};

export type HoldFormOptions = {
  machines: { id: number; code: string; name: string; area: string }[];
  tracks: string[];
};

/** Place a hold on a student: every machine, one machine or one track. */
export function HoldFormPage(props: {
  ctx: PageContext;
  student: { number: string; name: string };
  options: HoldFormOptions;
  form: FormState<HoldFormValues>;
}) {
  const { values, errors } = props.form;
  const { student, options } = props;
  const title = `Place a hold on ${student.name}`;
  const scope = values.scope ?? "all";
  return (
    <StudentFormFrame
      ctx={props.ctx}
      student={student}
      title={title}
      action={studentHref(student.number, "/holds/new")}
      formError={errors._form}
      submit="Place the hold"
    >
      <fieldset class={errors.scope ? "field has-error" : "field"}>
        <legend>The hold covers</legend>
        <ScopeChoice value="all" label="Every machine" checked={scope} />
        <ScopeChoice value="machine" label="One machine" checked={scope} />
        <ScopeChoice value="track" label="One track" checked={scope} />
        {errors.scope && <p class="error">{errors.scope}</p>}
      </fieldset>
      <SelectField
        name="machineId"
        label="Machine (when the hold covers one machine)"
        value={values.machineId}
        error={errors.machineId}
        options={[
          { value: "", label: "Choose a machine" },
          ...options.machines.map((m) => ({
            value: String(m.id),
            label: `${m.code} ${m.name} (${m.area})`,
          })),
        ]}
      />
      <SelectField
        name="track"
        label="Track (when the hold covers one track)"
        value={values.track}
        error={errors.track}
        options={[
          { value: "", label: "Choose a track" },
          ...options.tracks.map((t) => ({ value: t, label: t })),
        ]}
      />
      <TextArea
        name="reason"
        label="Reason"
        value={values.reason}
        error={errors.reason}
        required
      />
      <TextField
        name="startsOn"
        label="From"
        type="date"
        value={values.startsOn}
        error={errors.startsOn}
        required
      />
      <TextField
        name="endsOn"
        label="Until (optional)"
        type="date"
        value={values.endsOn}
        error={errors.endsOn}
        hint="The last day of the hold. Leave empty to keep it until lifted."
      />
    </StudentFormFrame>
  );
}

function ScopeChoice(props: { value: string; label: string; checked: string }) {
  const id = `scope-${props.value}`;
  return (
    <div class="choice">
      <input
        type="radio"
        id={id}
        name="scope"
        value={props.value}
        checked={props.checked === props.value}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}
