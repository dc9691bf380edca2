#!/usr/bin/env node
// `npx hoso …` from a checkout: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
