#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): the product with demo data — API, import worker and the sample
 * workbooks of ingestion/samples/ imported through the real path. Outside production, anonymous reads
 * are allowed unless PUBLIC_READ is set (so the IDE works at once); create tokens with `rumbo token create`.
 */
'use strict';
if (process.env.PUBLIC_READ === undefined && process.env.NODE_ENV !== 'production') {
  process.env.PUBLIC_READ = 'true';
  console.error('Demo mode: PUBLIC_READ=true (anonymous VIEWER-level reads). Set PUBLIC_READ=false to require tokens.');
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
