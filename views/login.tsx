import type { FormState } from "../src/lib/forms";
import { FormError, TextField } from "./fields";
import { CsrfField, Layout, type PageContext } from "./layout";

export function LoginPage(props: {
  ctx: PageContext;
  form: FormState<{ email: string; next: string }>;
}) {
  const { values, errors } = props.form;
  return (
    <Layout title="Staff sign-in" ctx={props.ctx}>
      <h1>Staff sign-in</h1>
      <form method="post" action="/login" class="narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="next" value={values.next ?? "/"} />
        <FormError message={errors._form} />
        <TextField
          name="email"
          label="Email"
          type="email"
          autocomplete="username"
          value={values.email}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          error={errors.password}
          required
        />
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
