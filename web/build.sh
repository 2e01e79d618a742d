#!/usr/bin/env bash
# Builds the web UI into web/dist. Maven calls it in generate-resources (see pom.xml); it can also be run by hand.
# Needs Node >= 20.19 (Vite 8) and npm; dependencies come from package-lock.json (npm ci).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "web/build.sh: node and npm are required (Node >= 20.19); e.g. 'apt-get install nodejs npm'" >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)||(a===20&&b>=19)?0:1)'; then
  echo "web/build.sh: Node $(node --version) is too old; Vite 8 needs ^20.19 or >=22.12" >&2
  exit 1
fi

# (Re)install exactly what the lockfile says when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Rebuild only when a source changed since the last build: type-checking and bundling take ~30 s.
if [ ! -f dist/index.html ] || [ -n "$(find src public index.html package.json package-lock.json vite.config.ts tsconfig*.json -newer dist/index.html 2>/dev/null | head -1)" ]; then
  npm run build
else
  echo "web/build.sh: web/dist is up to date"
fi
