// Jest global setup: make sure a database server answers (the same bootstrap as `npm start`).
const { ensureDatabaseServer } = require('../../scripts/db-bootstrap.js');

module.exports = async () => {
  const { url } = await ensureDatabaseServer({ log: () => undefined });
  process.env.DATABASE_URL = url;
};
