import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const cardRoutes = new Hono<AppEnv>();
