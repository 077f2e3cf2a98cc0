#!/usr/bin/env bash
# test:current-cdk: synthesizes every AWS CDK example and every parity scenario with the current
# aws-cdk-lib (versions from .projenrc.ts, in a scratch install under .current-cdk/), whose built-in
# CloudFormation template validation runs at synth. Strict: any finding, error or warning, fails.
# lib/ is tested from its sources (the working tree); jest, swc and the rest come from the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CURRENT_CDK_VERSION:?run through npx projen test:current-cdk}"
: "${CURRENT_CONSTRUCTS_VERSION:?run through npx projen test:current-cdk}"
: "${CURRENT_CDK_NAG_VERSION:?run through npx projen test:current-cdk}"
START=$(date +%s.%N)

SCRATCH="$PWD/.current-cdk"
WANT="aws-cdk-lib@$CURRENT_CDK_VERSION constructs@$CURRENT_CONSTRUCTS_VERSION cdk-nag@$CURRENT_CDK_NAG_VERSION"
# The scratch install is kept between runs and redone when the versions change.
if [ "$(cat "$SCRATCH/installed" 2>/dev/null || true)" != "$WANT" ]; then
  rm -rf "$SCRATCH"
  mkdir -p "$SCRATCH"
  echo '{"name":"current-cdk-scratch","version":"0.0.0","private":true}' > "$SCRATCH/package.json"
  echo "test:current-cdk: installing $WANT in .current-cdk/"
  (cd "$SCRATCH" && npm install --no-audit --no-fund --save-exact $WANT >/dev/null)
  echo "$WANT" > "$SCRATCH/installed"
fi

export CURRENT_CDK_DIR="$SCRATCH"
export CURRENT_CDK_RESULTS="$SCRATCH/results"
rm -rf "$CURRENT_CDK_RESULTS"
# Validation on (whatever the caller's environment says), findings as errors, warnings too.
unset CDK_VALIDATION
export CDK_CONTEXT_JSON='{"@aws-cdk/core:validateAgainstDefaultRules":true,"@aws-cdk/core:strictCfnValidateErrors":true}'

status=0
node_modules/.bin/jest --config test/current-cdk/jest.config.js --ci "$@" || status=$?

node -e '
const fs = require("fs"), path = require("path");
const [dir, version, start, status] = process.argv.slice(1);
const runs = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))) : [];
const templates = runs.reduce((n, r) => n + r.templates.length, 0);
const findings = runs.flatMap((r) => r.findings.map((f) => ({ ...f, testPath: r.testPath })));
const acknowledged = runs.reduce((n, r) => n + r.acknowledged.length, 0);
const unvalidated = runs.flatMap((r) => r.unvalidated.map((t) => `${r.testPath} (${r.app}): ${t}`));
const byFile = {};
for (const r of runs) { byFile[r.testPath] ??= { apps: 0, templates: 0 }; byFile[r.testPath].apps++; byFile[r.testPath].templates += r.templates.length; }
for (const f of findings) console.log(`FINDING ${f.rule} (${f.severity}) ${f.template ?? ""} ${f.logicalId ?? ""} [${f.constructPath ?? ""}] ${(f.properties ?? []).join(", ")}: ${f.message}`);
for (const u of unvalidated) console.log(`NOT VALIDATED: ${u}`);
for (const [file, c] of Object.entries(byFile)) console.log(`  ${file}: ${c.apps} app syntheses, ${c.templates} templates`);
const seconds = Date.now() / 1000 - Number(start);
console.log(`test:current-cdk: aws-cdk-lib ${version}, built-in template validation (strict): ${templates} templates in ${runs.length} app syntheses, ` +
  `${findings.length} findings, ${acknowledged} acknowledged, ${seconds.toFixed(1)} s wall time`);
// Both sources must have synthesized something: the examples harness and the parity test.
for (const f of ["test/current-cdk/examples.current-cdk.ts", "test/parity/cloudformation.test.ts"]) {
  if (!byFile[f]?.templates) { console.log(`test:current-cdk: ${f} validated no template`); process.exit(1); }
}
if (findings.length > 0 || unvalidated.length > 0 || status !== "0") process.exit(1);
' "$CURRENT_CDK_RESULTS" "$CURRENT_CDK_VERSION" "$START" "$status"
