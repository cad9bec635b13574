import type { Child } from "hono/jsx";

type Common = {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: Child;
  required?: boolean;
};

/**
 * A labelled input with its hint and its error message beneath it; given
 * suggestions, the browser offers them as the person types.
 */
export function TextField(
  props: Common & {
    type?: "text" | "email" | "password" | "date" | "number" | "url" | "search";
    autocomplete?: string;
    suggestions?: string[];
    attrs?: Record<string, string | number | boolean | undefined>;
  },
) {
  const id = `f-${props.name}`;
  const listId = props.suggestions ? `${id}-list` : undefined;
  return (
    <div class={props.error ? "field has-error" : "field"}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        required={props.required}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
        list={listId}
        {...props.attrs}
      />
      {props.suggestions && (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option value={s}></option>
          ))}
        </datalist>
      )}
      <FieldNotes id={id} {...props} />
    </div>
  );
}

/**
 * The field that names a record (a badge's slug, a machine's code): typed
 * once when the record is created, then shown as fixed text.
 */
export function KeyField(props: Common & { fixed?: string; record: string }) {
  if (props.fixed === undefined) return <TextField {...props} required />;
  return (
    <p>
      {props.label}: <code>{props.fixed}</code>{" "}
      <span class="muted">(fixed once the {props.record} is created)</span>
    </p>
  );
}

export function TextArea(props: Common & { rows?: number }) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? "field has-error" : "field"}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.value ?? ""}
      </textarea>
      <FieldNotes id={id} {...props} />
    </div>
  );
}

export function SelectField(
  props: Common & { options: { value: string; label: string }[] },
) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? "field has-error" : "field"}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} {...props} />
    </div>
  );
}

/** A form-level message (the "_form" error) shown above the fields. */
export function FormError(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <p class="form-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {props.message}
    </p>
  );
}

function describedBy(id: string, p: Common) {
  const ids = [p.hint && `${id}-hint`, p.error && `${id}-error`];
  return ids.filter(Boolean).join(" ") || undefined;
}

function FieldNotes(props: Common & { id: string }) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
    </>
  );
}
