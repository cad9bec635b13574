import { Layout, type PageContext } from "./layout";

const TITLES: Record<number, string> = {
  400: "Bad request",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  422: "Please check the form",
  500: "Something went wrong",
};

/** A plain page for an error: what happened and where to go. */
export function ErrorPage(props: {
  ctx: PageContext;
  status: number;
  message: string;
}) {
  const title = TITLES[props.status] ?? "Error";
  return (
    <Layout title={title} ctx={props.ctx}>
      <h1>{title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Back to the start page</a>
      </p>
    </Layout>
  );
}
