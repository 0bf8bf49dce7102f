#!/usr/bin/env bash
# Fails when a committed generated file no longer matches the config: payload-types.ts, the
# admin import map, or the migrations (a schema change without its migration). Leaves the tree
# as it found it.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
importmap='src/app/(payload)/admin/importMap.js'
snapshot=$(mktemp -d)
cp payload-types.ts "$snapshot/payload-types.ts"
cp "$importmap" "$snapshot/importMap.js"

npx payload generate:types >/dev/null
if ! cmp -s payload-types.ts "$snapshot/payload-types.ts"; then
  echo "✖ payload-types.ts is out of date: run 'npm run generate:types' and commit it."
  diff -u "$snapshot/payload-types.ts" payload-types.ts | head -40 || true
  status=1
fi
npx payload generate:importmap >/dev/null
if ! cmp -s "$importmap" "$snapshot/importMap.js"; then
  echo "✖ the admin import map is out of date: run 'npm run generate:importmap' and commit it."
  status=1
fi
cp "$snapshot/payload-types.ts" payload-types.ts
cp "$snapshot/importMap.js" "$importmap"

before=$(ls migrations | sort)
cp migrations/index.ts "$snapshot/migrations-index.ts"
# No terminal: a rename question from drizzle-kit must fail the check, not wait forever.
if ! timeout 180 npx payload migrate:create schema-drift-check --skip-empty </dev/null >"$snapshot/migrate.log" 2>&1; then
  echo "✖ could not compare the collections with the migrations:"; tail -20 "$snapshot/migrate.log"; status=1
fi
after=$(ls migrations | sort)
if [ "$before" != "$after" ]; then
  echo "✖ the collections changed without a migration: run 'npm run migrate:create -- <name>' and commit it."
  comm -13 <(echo "$before") <(echo "$after") | sed 's/^/    would add: migrations\//'
  comm -13 <(echo "$before") <(echo "$after") | while read -r file; do rm -f "migrations/$file"; done
  status=1
fi
cp "$snapshot/migrations-index.ts" migrations/index.ts
rm -rf "$snapshot"

[ "$status" = 0 ] && echo "✔ payload-types.ts, the import map and the migrations match the config."
exit "$status"
