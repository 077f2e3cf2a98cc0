#!/usr/bin/env bash
# Packs temporal-ha-constructs, installs it in two scratch apps and synthesizes with each:
#   - AWS CDK only: no cdktf package is installed, and none is loaded;
#   - CDK for Terraform only: no aws-cdk-lib is installed, and the subpath synthesizes Terraform JSON;
#   - CDK Terrain (cdktn) only: no aws-cdk-lib and no cdktf is installed or loaded, and the cdktn subpath
#     synthesizes Terraform JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f lib/index.js ] && [ -f lib/cdktn/index.js ] || npx projen compile
npx projen package:js >/dev/null
TGZ="$PWD/$(ls dist/js/*.tgz | head -1)"
CDK_LIB=$(node -p "require('./package.json').devDependencies['aws-cdk-lib']")
CDKTF=$(node -p "require('./package.json').devDependencies['cdktf']")
PROVIDER=$(node -p "require('./package.json').devDependencies['@cdktf/provider-aws']")
CDKTN=$(node -p "require('./package.json').devDependencies['cdktn']")
CDKTN_PROVIDER=$(node -p "require('./package.json').devDependencies['@cdktn/provider-aws']")
CDKTN_CONSTRUCTS=$(node -p "require('cdktn/package.json').peerDependencies.constructs")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir "$WORK/cdk-only" && cd "$WORK/cdk-only"
echo '{"name":"cdk-only","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund "$TGZ" "aws-cdk-lib@$CDK_LIB" constructs@10 >/dev/null
[ ! -e node_modules/cdktf ] && [ ! -e node_modules/@cdktf ] || { echo "cdk-only: cdktf was installed"; exit 1; }
node -e "
const t = require('temporal-ha-constructs');
const { App } = require('aws-cdk-lib');
const ecs = require('aws-cdk-lib/aws-ecs');
const app = new App();
const d = new t.ActiveHotDeployment(app, 'Orders', {
  namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: t.PollerForwarding.DISABLED },
  credentials: t.TemporalCredentials.apiKeyFromSecretName('k'),
  workers: { image: ecs.ContainerImage.fromRegistry('w') },
});
app.synth();
if (Object.keys(require.cache).some((k) => k.includes('/cdktf'))) throw new Error('cdktf was loaded');
console.log('cdk-only install: OK, stacks', Object.keys(d.stacks).join(', '));
"

mkdir "$WORK/cdktf-only" && cd "$WORK/cdktf-only"
echo '{"name":"cdktf-only","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund "$TGZ" "cdktf@$CDKTF" "@cdktf/provider-aws@$PROVIDER" constructs@10 >/dev/null
[ ! -e node_modules/aws-cdk-lib ] || { echo "cdktf-only: aws-cdk-lib was installed"; exit 1; }
node -e "
const t = require('temporal-ha-constructs/cdktf');
const { App, TerraformStack } = require('cdktf');
const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'orders');
new t.ActiveHotDeployment(stack, 'Orders', {
  namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: 'disabled' },
  credentials: t.TemporalCredentials.apiKeyFromSecretName('k'),
  workers: { image: 'w' },
});
app.synth();
require('fs').accessSync('cdktf.out/stacks/orders/cdk.tf.json');
console.log('cdktf-only install: OK, cdktf.out/stacks/orders/cdk.tf.json');
"

mkdir "$WORK/cdktn-only" && cd "$WORK/cdktn-only"
echo '{"name":"cdktn-only","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund "$TGZ" "cdktn@$CDKTN" "@cdktn/provider-aws@$CDKTN_PROVIDER" "constructs@$CDKTN_CONSTRUCTS" >/dev/null
for p in aws-cdk-lib cdktf @cdktf; do [ ! -e "node_modules/$p" ] || { echo "cdktn-only: $p was installed"; exit 1; }; done
node -e "
const t = require('temporal-ha-constructs/cdktn');
const { App, TerraformStack } = require('cdktn');
const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'orders');
new t.ActiveHotDeployment(stack, 'Orders', {
  namespace: { name: 'orders', accountId: 'a1b2c', primaryRegion: 'us-east-1', replicaRegion: 'us-west-2', pollerForwarding: 'disabled' },
  credentials: t.TemporalCredentials.apiKeyFromSecretName('k'),
  workers: { image: 'w' },
});
app.synth();
const json = JSON.parse(require('fs').readFileSync('cdktf.out/stacks/orders/cdk.tf.json', 'utf8'));
if (json.provider.aws.length !== 2) throw new Error('expected two aliased AWS providers');
const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\/](cdktf|@cdktf|aws-cdk-lib)[\\/]/.test(k));
if (loaded.length) throw new Error('loaded ' + loaded[0]);
console.log('cdktn-only install: OK, cdktf.out/stacks/orders/cdk.tf.json');
"
