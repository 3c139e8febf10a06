#!/usr/bin/env bash
# Smoke test of the README's quick start: runs `npm start` (the built product, demo data included) on a
# fresh database of its own and a free port, then checks the IDE, its assets, a GraphQL answer and the
# demo import. Port: SMOKE_PORT, else PORT, else one the system says is free. Database: rumbo_smoke_<pid>_<n>
# on the server db-bootstrap finds, dropped at the end. Several runs on one machine do not collide, and
# nothing is left running (the process group of npm start is stopped, its folders removed).
set -euo pipefail
cd "$(dirname "$0")/.."
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
port=${SMOKE_PORT:-${PORT:-$(free_port)}}
base_url=$(node scripts/db-bootstrap.js 2>/dev/null)
db_url="${base_url%/*}/rumbo_smoke_$$_${RANDOM}"
drop_db() { node -e "require('./scripts/db-bootstrap.js').dropDatabase(process.argv[1]).then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(1)})" "$db_url"; }
drop_db
work=$(mktemp -d)
log="$work/start.log"
if curl -s -o /dev/null "http://127.0.0.1:$port/livez"; then
  echo "smoke: port $port is already taken by another process; set SMOKE_PORT or PORT"
  exit 1
fi
echo "smoke: port $port, database ${db_url##*/}"
# Its own process group, so that npm, the shell it spawns and node all stop together. RUMBO_ENV_FILE= : a
# developer's .env does not change what is tested.
RUMBO_ENV_FILE= DATABASE_URL="$db_url" PORT=$port INBOX_DIR="$work/inbox" STORAGE_DIR="$work/storage" LOG_LEVEL=warn \
  IMPORT_CRON='*/5 * * * * *' setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  drop_db || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke: $1"; echo "--- npm start log ---"; tail -40 "$log"; exit 1; }

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/livez" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "npm start exited"
  sleep 1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || fail "/readyz did not answer"
curl -sf -H 'accept: text/html' "http://127.0.0.1:$port/graphql" | grep -q '/ruru-static/ruru.js' || fail "the IDE page is missing"
curl -sf -o /dev/null "http://127.0.0.1:$port/ruru-static/ruru.js" || fail "the IDE assets are not served"
grep -q "Base de datos: " "$log" || fail "npm start did not say where the database is"
grep -q "Archivos: bandeja de entrada $work/inbox" "$log" || fail "npm start did not say where the files are"
# 6 sample workbooks plus the review demo's report sent as an entity (docs/review.md)
query='{"query":"{ policies { totalCount } importBatches(filter: { status: IMPORTED }) { totalCount } returned: progressReports(filter: { policyCode: \"PPMEG-CTG\", year: 2025 }) { nodes { reviewStatus } } }"}'
for _ in $(seq 1 90); do
  answer=$(curl -sf -H 'content-type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" || true)
  echo "$answer" | grep -q '"importBatches":{"totalCount":7}' && echo "$answer" | grep -q '"RETURNED"' && break
  sleep 1
done
echo "$answer" | grep -q '"policies":{"totalCount":2}' || fail "unexpected answer: $answer"
echo "$answer" | grep -q '"importBatches":{"totalCount":7}' || fail "the demo workbooks were not imported: $answer"
for state in PENDING APPROVED RETURNED; do
  echo "$answer" | grep -q "\"$state\"" || fail "the review demo has no $state report: $answer"
done
echo "smoke: npm start serves the IDE and answers $answer"
