import type { CredentialSecretFact } from '../components/credentials';
import { Severity } from '../model';
import { DeploymentPlan } from '../plan';
import { Rule, RuleHit } from './rule';

/**
 * Every process reads its credentials in its own region: a secret of another region (given as an object, by ARN) would be read from the region
 * that failed. A secret replicated to every region is read from each region's replica by name when the user says so (`replicatedSecret: true`).
 */
export const CREDENTIALS_REGION: Rule = {
  id: 'TEMPORAL_CREDENTIALS_REGION',
  severity: Severity.ERROR,
  summary: 'Workers, starters and serverless Workers read their credentials from a secret in their own region (a replica, or a secret named per region), not from another region\'s secret.',
  source: {
    doc: 'AWS Secrets Manager: Replicate secrets across Regions',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/create-manage-multi-region-secrets.html',
    quote: 'You can replicate your secrets in multiple AWS Regions to support applications spread across those Regions to meet Regional access and low latency requirements.',
  },
  check(plan) {
    const inputs = plan.request.fleetInputs ?? {};
    const consumers = plan.regions.flatMap((r) => [
      ...r.fleets.map((f) => ({ region: r.awsRegion, key: f.configKey, what: `${f.role}s` })),
      ...r.functions.map((f) => ({ region: r.awsRegion, key: f.namespace, what: 'serverless Workers' })),
    ]);
    // One finding per secret, naming every process that would read it from another region.
    const bySecret = new Map<string, { secret: CredentialSecretFact; prefix: string; readers: string[] }>();
    for (const c of consumers) {
      const { credentialSecrets = [], propPrefix = '' } = inputs[c.key] ?? {};
      for (const secret of credentialSecrets.filter((x) => !x.replicated && x.region !== undefined && x.region !== c.region)) {
        const prop = `${propPrefix ? `${propPrefix}.` : ''}credentials.${secret.prop}`;
        const entry = bySecret.get(prop) ?? { secret, prefix: propPrefix, readers: [] };
        entry.readers.push(`the ${c.what} in ${c.region}`);
        bySecret.set(prop, entry);
      }
    }
    return [...bySecret.entries()].map(([prop, { secret, prefix, readers }]): RuleHit => ({
      prop,
      value: secret.shown,
      path: shardPath(plan, prefix),
      message: `is a secret in ${secret.region}, but ${[...new Set(readers)].join(' and ')} would read it from there: when ${secret.region} fails, `
        + 'they cannot start (or restart) without it, which is when they are needed.',
      fix: 'replicate the secret to every region the deployment runs in and pass replicatedSecret: true (each region then reads its own replica by '
        + 'name), or use the ...FromSecretName(s) factories with a secret of that name in every region.',
    }));
  },
};

/** The construct path of a shard's findings (`shards[1]` -> `<path>/<shard name>`); undefined for the deployment's own props. */
function shardPath(plan: DeploymentPlan, prefix: string): string | undefined {
  const m = /^shards\[(\d+)\]$/.exec(prefix);
  const name = m ? plan.request.shards?.[Number(m[1])]?.name : undefined;
  return name ? `${plan.constructPath}/${name}` : undefined;
}
