#!/usr/bin/env node
/**
 * `npm start`: makes sure a database server answers (starting a project-local MariaDB when none does),
 * creates the database, applies pending migrations, then runs the built product (dist/).
 */
'use strict';
const path = require('node:path');
const { ensureDatabaseServer, createDatabase } = require('./db-bootstrap.js');

async function run() {
  const { url } = await ensureDatabaseServer({ log: (m) => console.error(m) });
  await createDatabase(url);
  const dist = path.join(__dirname, '..', 'dist');
  const { runMigrations } = require(path.join(dist, 'src/database/migrate.js'));
  const applied = await runMigrations(url);
  if (applied.length) console.error(`Applied migrations: ${applied.join(', ')}`);
  await require(path.join(dist, 'src/main.js')).main();
}

run().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
