#!/usr/bin/env node
/**
 * The `rumbo` command. Runs the built product (dist/; `npm run build`). Commands that use the database
 * first make sure a server answers (scripts/db-bootstrap.js), the database exists and is migrated.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'ingestion', 'cli', 'rumbo.cli.js');
const NO_DATABASE = new Set([undefined, 'help', '--help', '-h', 'template']);

async function main(argv) {
  if (!fs.existsSync(cli)) {
    console.error('Rumbo is not built yet: run `npm run build` (npm start does it for you).');
    return 2;
  }
  if (!NO_DATABASE.has(argv[0])) {
    const { ensureDatabaseServer, createDatabase } = require(path.join(root, 'scripts', 'db-bootstrap.js'));
    const { url } = await ensureDatabaseServer({ log: (m) => console.error(m) });
    await createDatabase(url);
    const { runMigrations } = require(path.join(root, 'dist', 'src', 'database', 'migrate.js'));
    const applied = await runMigrations(url);
    if (applied.length) console.error(`Applied migrations: ${applied.join(', ')}`);
  }
  return require(cli).run(argv);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err && err.message ? err.message : err);
      process.exit(1);
    },
  );
}

module.exports = { main };
