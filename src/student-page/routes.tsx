import { Hono } from "hono";
import type { AppEnv } from "../lib/env";
import { StudentPage } from "../../views/student-page/student-page";
import { limitSecretPages, secretPageHeaders, secretToken } from "./guards";
import { loadStudentPage } from "./service";

// The page behind a student's QR code: the secret link is the only key.
export const studentPageRoutes = new Hono<AppEnv>();

studentPageRoutes.get("/s/:token", secretPageHeaders, limitSecretPages, (c) => {
  const token = secretToken(c.req.param("token"));

  const data = loadStudentPage(c.var.deps.db, token);

  return c.html(<StudentPage data={data} token={token} />);
});
