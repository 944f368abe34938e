#!/usr/bin/env node
// The one command: TypeScript sources run through tsx, so there is no separate compile step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
