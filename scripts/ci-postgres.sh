#!/usr/bin/env bash
# Starts the local PostgreSQL cluster for the store's PostgreSQL test run and exports ATELIER_TEST_POSTGRES_URL.
#
# Sourced by .ci/run (as root, on a fresh Debian 12 machine where apt has just installed `postgresql`). It never
# fails the CI: when PostgreSQL cannot be started or reached it says why and leaves the variable unset, and the
# store tests then run on SQLite only. Can also be run on its own: `source scripts/ci-postgres.sh`.
# Roles and databases are made with `runuser -u postgres -- psql` (initdb/pg_ctl refuse to run as root).

_atelier_pg_user="atelier"
_atelier_pg_password="atelier-ci"
_atelier_pg_db="atelier_test"

_atelier_pg_say() { echo "ci-postgres: $*" >&2; }

_atelier_pg_as_postgres() {
  # Run a command as the postgres user, from a folder it can read.
  (cd / && runuser -u postgres -- "$@")
}

_atelier_pg_setup() {
  if [ "$(id -u)" -ne 0 ]; then
    _atelier_pg_say "not root: cannot manage the cluster"
    return 1
  fi
  local tool
  for tool in pg_lsclusters pg_ctlcluster runuser psql pg_isready; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      _atelier_pg_say "'$tool' not found (is the postgresql package installed?)"
      return 1
    fi
  done
  local line version port status
  line="$(pg_lsclusters --no-header 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$line" ]; then
    version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$version" ]; then
      _atelier_pg_say "no PostgreSQL server installed"
      return 1
    fi
    _atelier_pg_say "no cluster: creating $version/main"
    pg_createcluster "$version" main >/dev/null || return 1
    line="$(pg_lsclusters --no-header | sort -V | tail -n 1)"
  fi
  read -r version _ port status _ <<<"$line"
  if [ "$status" != "online" ]; then
    if ! pg_ctlcluster "$version" main start; then
      _atelier_pg_say "pg_ctlcluster $version main start failed; last lines of its log:"
      tail -n 20 "/var/log/postgresql/postgresql-$version-main.log" >&2 2>/dev/null || true
      return 1
    fi
  fi
  local tries=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      _atelier_pg_say "server $version did not accept connections on 127.0.0.1:$port within 15 s"
      return 1
    fi
    sleep 0.25
  done
  _atelier_pg_as_postgres psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null <<SQL || return 1
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$_atelier_pg_user') THEN
    CREATE ROLE $_atelier_pg_user LOGIN PASSWORD '$_atelier_pg_password';
  ELSE
    ALTER ROLE $_atelier_pg_user LOGIN PASSWORD '$_atelier_pg_password';
  END IF;
END
\$\$;
SQL
  if [ "$(_atelier_pg_as_postgres psql -qAt -p "$port" -d postgres \
        -c "SELECT 1 FROM pg_database WHERE datname = '$_atelier_pg_db'")" != "1" ]; then
    _atelier_pg_as_postgres psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres \
      -c "CREATE DATABASE $_atelier_pg_db OWNER $_atelier_pg_user ENCODING 'UTF8' TEMPLATE template0" \
      >/dev/null || return 1
  fi
  if ! PGPASSWORD="$_atelier_pg_password" psql -qAt -h 127.0.0.1 -p "$port" -U "$_atelier_pg_user" \
        -d "$_atelier_pg_db" -c "SELECT 1" >/dev/null; then
    _atelier_pg_say "cannot log in as $_atelier_pg_user over TCP (check pg_hba.conf)"
    return 1
  fi
  export ATELIER_TEST_POSTGRES_URL="postgresql+psycopg://$_atelier_pg_user:$_atelier_pg_password@127.0.0.1:$port/$_atelier_pg_db"
  _atelier_pg_say "PostgreSQL $version ready on 127.0.0.1:$port; the store tests will also run on it"
}

if ! _atelier_pg_setup; then
  _atelier_pg_say "PostgreSQL unavailable: the store tests run on SQLite only"
  unset ATELIER_TEST_POSTGRES_URL
fi
unset -f _atelier_pg_setup _atelier_pg_as_postgres _atelier_pg_say
unset _atelier_pg_user _atelier_pg_password _atelier_pg_db
# Sourcing must not leave a failing status behind (set -e in the caller).
true
