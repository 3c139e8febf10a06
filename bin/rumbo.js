#!/usr/bin/env node
/**
 * The `rumbo` command. Runs the built product (dist/; `npm run build`). Loads the `.env` file first (the
 * environment wins over it), then dispatches (ingestion/cli/rumbo.cli.ts): `rumbo --help` lists the
 * commands. Only commands that use the database bring it up (scripts/db-bootstrap.js, create, migrate).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'ingestion', 'cli', 'rumbo.cli.js');

async function main(argv) {
  if (!fs.existsSync(cli)) {
    const en = /^en\b|^en[_-]/i.test(process.env.RUMBO_LANG || '');
    console.error(
      en
        ? 'Rumbo is not built yet: run `npm run build` (npm start does it for you).'
        : 'Rumbo aún no está compilado: ejecute `npm run build` (npm start lo hace por usted).',
    );
    return 2;
  }
  return require(cli).main(argv);
}

if (require.main === module) {
  // `rumbo config | head`: a closed pipe ends the output, not the process with a stack trace.
  process.stdout.on('error', (err) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err && err.message ? err.message : err);
      process.exit(1);
    },
  );
}

module.exports = { main };
