// `npm run client:pack`: builds @scholarvalley/api-client into build/client/ and packs it as build/*.tgz, which a
// frontend repository installs (`npm install <path>/scholarvalley-api-client-<version>.tgz`); docs/frontend.md.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildClientPackage } from './client-package/build.ts';

const outDir = buildClientPackage(resolve(import.meta.dirname, '../build/client'));
const packed = execFileSync('npm', ['pack', '--pack-destination', '..'], { cwd: outDir, encoding: 'utf8' }).trim();
console.log(`Packed build/${packed.split('\n').at(-1)} (contents in build/client/)`);
