import { Hono, type Context } from "hono";
import { requireStaff } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { NotFoundError } from "../lib/errors";
import { pageContext } from "../lib/render";
import {
  MachineLandingPage,
  MachineTagPage,
} from "../../views/kiosk/machine-tag";
import { MachineCodeParamSchema } from "./schemas";
import { findTaggedMachine, machineTag } from "./tags";

/** Printable machine tags, and the page a phone opens from one. */
export const tagRoutes = new Hono<AppEnv>();

function machineCodeParam(c: Context<AppEnv>): string {
  const params = MachineCodeParamSchema.safeParse(c.req.param());
  if (!params.success) throw new NotFoundError("There is no such machine");
  return params.data.code;
}

tagRoutes.get("/machines/:code/tag", requireStaff, async (c) => {
  const code = machineCodeParam(c);

  const tag = await machineTag(c.var.deps.db, c.var.deps.config, code);

  return c.html(
    <MachineTagPage
      ctx={pageContext(c)}
      machine={tag.machine}
      url={tag.url}
      qrSvg={tag.qrSvg}
    />,
  );
});

// What a phone opens from a machine tag: only the machine's own name.
tagRoutes.get("/m/:code", (c) => {
  const code = machineCodeParam(c);

  const machine = findTaggedMachine(c.var.deps.db, code);

  return c.html(<MachineLandingPage machine={machine} />);
});
