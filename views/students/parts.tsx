import type { Child } from "hono/jsx";
import { FormError } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";

/** True when the signed-in staff member may change records. */
export function canEdit(ctx: PageContext): boolean {
  const role = ctx.user?.role;
  return role === "supervisor" || role === "admin";
}

/** Shows its children only to supervisors and admins. */
export function CanEdit(props: { ctx: PageContext; children: Child }) {
  return canEdit(props.ctx) ? <>{props.children}</> : null;
}

export function studentHref(number: string, rest = ""): string {
  return `/students/${encodeURIComponent(number)}${rest}`;
}

export const RECORD_STYLES = ["/public/records.css"];

/**
 * A page holding one form about one student (award, hold, revoke): the way
 * back to the student, the title, the fields, then submit and Cancel.
 */
export function StudentFormFrame(props: {
  ctx: PageContext;
  student: { number: string; name: string };
  title: string;
  action: string;
  formError?: string;
  submit: string;
  danger?: boolean;
  intro?: Child;
  children: Child;
}) {
  const back = studentHref(props.student.number);
  return (
    <Layout title={props.title} ctx={props.ctx} styles={RECORD_STYLES}>
      <p class="breadcrumb">
        <a href={back}>{props.student.name}</a>
      </p>
      <h1>{props.title}</h1>
      {props.intro}
      <form method="post" action={props.action} class="narrow" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={props.formError} />
        {props.children}
        <p class="actions">
          <button type="submit" class={props.danger ? "danger" : undefined}>
            {props.submit}
          </button>
          <a class="button secondary" href={back}>
            Cancel
          </a>
        </p>
      </form>
    </Layout>
  );
}
