#!/usr/bin/env bash
# `npm test`: build the respondent page, run the whole suite on SQLite, then the same suite again
# on a throwaway PostgreSQL cluster where PostgreSQL is installed (and says so where it is not).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts

npm run build --silent || exit 1

status=0
summary=()
run_suite() { # name, then env assignments
  local name=$1; shift
  echo "== test suite on $name =="
  env "$@" npx vitest run --reporter=default --reporter=json --outputFile="test-artifacts/vitest-$name.json" "${VITEST_ARGS[@]}"
  local rc=$?
  [ $rc -ne 0 ] && status=$rc
  summary+=("$name: $(node -e "const r=require('./test-artifacts/vitest-$name.json');console.log(r.numPassedTests+' passed, '+r.numFailedTests+' failed, '+r.numPendingTests+' skipped')" 2>/dev/null || echo 'no result')")
}

VITEST_ARGS=("$@")
run_suite sqlite MANYIDU_TEST_ENGINE=sqlite

if [ "${MANYIDU_SKIP_PG:-}" = 1 ]; then
  echo "PostgreSQL run skipped: MANYIDU_SKIP_PG=1"
elif test/pg-cluster.sh available; then
  read -r pgdir pgurl < <(test/pg-cluster.sh start)
  trap 'test/pg-cluster.sh stop "$pgdir"' EXIT
  run_suite postgres MANYIDU_TEST_ENGINE=postgres MANYIDU_TEST_PG="$pgurl"
else
  echo "PostgreSQL is not installed here (no initdb): the suite ran on SQLite only."
  echo "Install it (Debian: apt-get install postgresql) to run it on PostgreSQL too; CI does."
fi

echo
passed=0; failed=0
for line in "${summary[@]}"; do
  echo "  $line"
  p=$(sed -E 's/^[^:]+: ([0-9]+) passed, ([0-9]+) failed.*/\1/' <<<"$line"); f=$(sed -E 's/^[^:]+: ([0-9]+) passed, ([0-9]+) failed.*/\2/' <<<"$line")
  [[ $p =~ ^[0-9]+$ ]] && passed=$((passed + p)); [[ $f =~ ^[0-9]+$ ]] && failed=$((failed + f))
done
echo "$passed passed, $failed failed"
exit $status
