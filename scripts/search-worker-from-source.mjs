// The search pool's worker for code that runs from TypeScript sources (vitest, tsx scripts):
// compiles src/search/search-worker.ts on the fly. Built code runs the worker the bundler made.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/search/search-worker.ts", import.meta.url).href);
