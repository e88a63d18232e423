#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server on 127.0.0.1 and a free port:
#   scripts/with-postgres.sh pnpm test
# The command sees TEST_DATABASE_URL (and DATABASE_URL) pointing at a fresh database.
# The server and its files are removed afterwards, whatever the command's outcome.
# Tests run with fsync=off (faster, nothing to lose); ESCALATE_PG_FSYNC=on starts the server
# durable (fsync and synchronous_commit on, PostgreSQL's defaults), as the write benchmarks need.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL server binaries not found; install Debian's postgresql package" >&2
  exit 1
fi

run_as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

durability="-c fsync=off"
if [ "${ESCALATE_PG_FSYNC:-off}" = "on" ]; then
  durability="-c fsync=on -c synchronous_commit=on"
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
data_dir=$(mktemp -d /tmp/escalate-pg.XXXXXX)
[ "$(id -u)" = "0" ] && chown postgres "$data_dir"

cleanup() {
  run_as_postgres "'$pg_bin/pg_ctl' -D '$data_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

run_as_postgres "'$pg_bin/initdb' -D '$data_dir/data' -U postgres --auth=trust -E UTF8 >/dev/null"
run_as_postgres "'$pg_bin/pg_ctl' -D '$data_dir/data' -l '$data_dir/server.log' -w -o \"-p $port -k '$data_dir' -c listen_addresses=127.0.0.1 -c max_connections=300 $durability\" start >/dev/null"
run_as_postgres "'$pg_bin/createdb' -h 127.0.0.1 -p $port -U postgres escalate"

export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/escalate"
export DATABASE_URL="$TEST_DATABASE_URL"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($durability)" >&2
"$@"
