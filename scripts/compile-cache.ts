/**
 * Preloaded by the commands that load the whole library, Astro and Vite (`node --import=./scripts/compile-cache.ts`
 * in package.json): Node keeps the compiled code of every module it loads — ours after type stripping, Astro's,
 * Vite's, the pages' server bundle — in its compile cache, so the next run does not parse and compile them again
 * (~0.7 s of CPU in a warm demo build). A preload, because an ES module's whole import graph is compiled before
 * its first line runs. Node's own default place (os.tmpdir()/node-compile-cache, one folder per Node version);
 * NODE_COMPILE_CACHE=<dir> moves it and NODE_DISABLE_COMPILE_CACHE=1 turns it off. It never fails a command.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
