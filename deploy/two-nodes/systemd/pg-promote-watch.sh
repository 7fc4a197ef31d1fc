#!/usr/bin/env bash
# On hall-b (the synchronous standby's machine): the database failover of deploy/two-nodes/promote.sh
# for two machines. Every second pg_isready asks the primary on hall-a; after FAILURES failures in a
# row the local standby is promoted and, alone now, stops waiting for a synchronous standby. The apps
# need nothing: their connection string names both hosts with Target Session Attributes=read-write.
# Run by electionsystem-pg-promote.service; once it has promoted it exits 0 (Restart=on-failure does not
# start it again), and the hall runs unreplicated until hall-a is rebuilt as the standby (README.md here,
# "After a failover").
#
# It needs PGDATA (the standby's data directory) and pg_ctl, pg_isready and psql on PATH (the unit sets
# both: Debian keeps pg_ctl in /usr/lib/postgresql/15/bin, off the default PATH). Without them it
# refuses at once with one line and exit 64 (EX_USAGE; the unit does not restart on it) rather than
# watching for hours and failing only at the moment it must promote.
set -uo pipefail
refuse() { echo "pg-promote-watch: $1" >&2; exit 64; }
[ -n "${PGDATA:-}" ] || refuse "PGDATA is not set: set it to this standby's data directory (e.g. Environment=PGDATA=/var/lib/postgresql/15/main in electionsystem-pg-promote.service)"
[ -f "$PGDATA/PG_VERSION" ] || refuse "PGDATA=$PGDATA is not a PostgreSQL data directory (no PG_VERSION there): set it to this standby's data directory"
for tool in pg_ctl pg_isready psql; do
  command -v "$tool" >/dev/null 2>&1 || refuse "no $tool on PATH ($PATH): add PostgreSQL's bin directory (e.g. Environment=PATH=/usr/lib/postgresql/15/bin:/usr/bin:/bin)"
done
primary=${PRIMARY_HOST:-10.0.0.11}
failures_needed=${FAILURES:-3}
pgdata=$PGDATA
failures=0
while :; do
  if pg_isready -q -h "$primary" -p 5432 -t 1; then failures=0; else failures=$((failures + 1)); fi
  if [ "$failures" -ge "$failures_needed" ]; then
    if [ "$(psql -Atc 'SELECT pg_is_in_recovery()')" != t ]; then
      echo "pg-promote-watch: this server is already a primary; nothing to do"; exit 0
    fi
    echo "pg-promote-watch: the primary $primary is gone; promoting $pgdata"
    pg_ctl -D "$pgdata" -w promote
    psql -qc "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()"
    echo "pg-promote-watch: this server is the primary now"
    exit 0
  fi
  sleep 1 # the probe interval (see the header): a primary that dies sends no event to wait on
done
