import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const machineRoutes = new Hono<AppEnv>();
