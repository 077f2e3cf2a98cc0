import { isUnresolved } from '../components/input';
import { NamespaceSpec, Severity } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/** What decides the topology must be known when the app is synthesized: a token (CfnParameter, TerraformVariable) cannot pick regions or endpoints. */
export const KNOWN_AT_SYNTH: Rule = {
  id: 'TEMPORAL_KNOWN_AT_SYNTH',
  severity: Severity.ERROR,
  summary: 'The namespace (name, account, regions, forwarding), the pattern, endpoint kinds, worker/standby regions and shard names are known at synth, not tokens.',
  source: { ...DOCS.AWS_PRIVATELINK, quote: 'PrivateLink endpoint services are regional.' },
  check(plan) {
    const r = plan.request;
    const hits: RuleHit[] = [];
    const check = (prop: string, value: unknown, why: string, path?: string) => {
      if (!isUnresolved(value)) return;
      hits.push({
        prop,
        value: '(unresolved token)',
        path,
        message: `must be known at synth: ${prop}. ${why}`,
        fix: `give ${prop} a literal value (for example from cdk.json context or an environment variable read at synth), not a CfnParameter, TerraformVariable or other token.`,
      });
    };
    const namespace = (ns: NamespaceSpec | undefined, prefix: string, path?: string) => {
      if (!ns) return;
      for (const field of ['name', 'accountId'] as const) {
        check(`${prefix}.${field}`, ns[field], 'The library derives the Namespace Endpoint, the qualified name and resource names from it.', path);
      }
      for (const field of ['primaryRegion', 'replicaRegion'] as const) {
        check(`${prefix}.${field}`, ns[field], 'The region decides which stacks, VPC endpoints, records and fleets exist.', path);
      }
      check(`${prefix}.pollerForwarding`, ns.pollerForwarding, 'The rules check it against the pattern.', path);
    };
    namespace(r.namespace, 'namespace');
    check('endpoint', r.endpoint, 'The endpoint kind decides the address every fleet dials.');
    check('standbyRegion', r.standbyRegion, 'The region decides where the standby fleet is deployed.');
    check('starters.pinnedRegion', r.starterPinnedRegion, 'The region decides the address the starters dial.');
    (Array.isArray(r.workerRegions) ? r.workerRegions : []).forEach((w, i) => check(`workerRegions[${i}]`, w, 'The regions decide where fleets are deployed.'));
    (r.shards ?? []).forEach((s, i) => {
      const path = typeof s.name === 'string' && !isUnresolved(s.name) ? `${plan.constructPath}/${s.name}` : undefined;
      check(`shards[${i}].name`, s.name, 'The shard name prefixes its fleets and names its stacks.');
      check(`shards[${i}].pattern`, s.pattern, 'The pattern decides where the shard\'s fleets run.', path);
      check(`shards[${i}].endpoint`, s.endpoint, 'The endpoint kind decides the address the shard\'s fleets dial.', path);
      check(`shards[${i}].standbyRegion`, s.standbyRegion, 'The region decides where the standby fleet is deployed.', path);
      namespace(s.namespace, `shards[${i}].namespace`, path);
    });
    return hits;
  },
};
