import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const studentRoutes = new Hono<AppEnv>();
