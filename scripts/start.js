#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): the product with demo data — API, import worker and the sample
 * workbooks of ingestion/samples/ imported through the real path (`rumbo start`). Outside production,
 * anonymous reads are allowed unless PUBLIC_READ is set (in the environment or in .env), so the IDE works
 * at once; create tokens with `rumbo token create`. It says where the database and the files are, and how
 * to stop the project-local MariaDB when it started one.
 */
'use strict';
const path = require('node:path');

require(path.join(__dirname, '..', 'dist', 'src', 'config', 'env-file.js')).loadEnvFile();
const en = /^en\b|^en[_-]/i.test(process.env.RUMBO_LANG || '');
if (process.env.PUBLIC_READ === undefined && process.env.NODE_ENV !== 'production') {
  process.env.PUBLIC_READ = 'true';
  console.error(
    en
      ? 'Demo mode: PUBLIC_READ=true (anonymous VIEWER-level reads). Set PUBLIC_READ=false to require tokens.'
      : 'Modo demostración: PUBLIC_READ=true (lecturas anónimas como VIEWER). Ponga PUBLIC_READ=false para exigir tokens.',
  );
}
require('../bin/rumbo.js')
  .main(['start'])
  .then(
    (code) => process.exit(code),
    (err) => {
      console.error(err && err.message ? err.message : err);
      process.exit(1);
    },
  );
