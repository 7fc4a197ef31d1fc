#!/usr/bin/env bash
# On hall-b (the synchronous standby's machine): the database failover of deploy/two-nodes/promote.sh
# for two machines. Every second pg_isready asks the primary on hall-a; after FAILURES failures in a
# row the local standby is promoted and, alone now, stops waiting for a synchronous standby. The apps
# need nothing: their connection string names both hosts with Target Session Attributes=read-write.
# Run by electionsystem-pg-promote.service; once it has promoted it exits 0 (Restart=on-failure does not
# start it again), and the hall runs unreplicated until hall-a is rebuilt as the standby (README.md here,
# "After a failover").
set -uo pipefail
primary=${PRIMARY_HOST:-10.0.0.11}
failures_needed=${FAILURES:-3}
pgdata=${PGDATA:-/var/lib/postgresql/15/main}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
failures=0
while :; do
  if "$pgbin/pg_isready" -q -h "$primary" -p 5432 -t 1; then failures=0; else failures=$((failures + 1)); fi
  if [ "$failures" -ge "$failures_needed" ]; then
    if [ "$("$pgbin/psql" -Atc 'SELECT pg_is_in_recovery()')" != t ]; then
      echo "pg-promote-watch: this server is already a primary; nothing to do"; exit 0
    fi
    echo "pg-promote-watch: the primary $primary is gone; promoting $pgdata"
    "$pgbin/pg_ctl" -D "$pgdata" -w promote
    "$pgbin/psql" -qc "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()"
    echo "pg-promote-watch: this server is the primary now"
    exit 0
  fi
  sleep 1
done
