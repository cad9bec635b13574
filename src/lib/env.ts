import type { Config } from "../config";
import type { Db } from "../db/client";
import type { DeviceActor } from "../devices/service";
import type { Actor } from "./actor";
import type { Logger } from "./logger";

export type Deps = { db: Db; config: Config; logger: Logger };

export type StaffUser = {
  id: number;
  name: string;
  email: string;
  role: "staff" | "supervisor" | "admin";
};

/** The Hono environment every sub-app shares. */
export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    csrfToken: string;
    user: StaffUser | null;
    actor: Actor | null;
    // the paired kiosk or bearer device, set by the device guards
    device: DeviceActor | null;
  };
};
