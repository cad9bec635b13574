import { Layout, type PageContext } from "./layout";

export function HomePage(props: { ctx: PageContext }) {
  return (
    <Layout title="Start" ctx={props.ctx}>
      <h1>ShopPass</h1>
      <p>Who may use which machine, and why.</p>
    </Layout>
  );
}
