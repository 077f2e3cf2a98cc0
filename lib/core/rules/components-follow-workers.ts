import { FleetRole, FleetState, Severity, WorkerRuntime } from '../model';
import { DOCS, Rule, RuleHit } from './rule';

/** Codec servers and proxies run wherever Workers run, and are never colder than those Workers. */
export const COMPONENTS_FOLLOW_WORKERS: Rule = {
  id: 'TEMPORAL_COMPONENTS_FOLLOW_WORKERS',
  severity: Severity.ERROR,
  summary: 'Codec servers and proxies run in every Worker region, as warm as the Workers there; a proxy dials the endpoint its Workers need.',
  source: { ...DOCS.ARCHITECTURE_PATTERNS, quote: 'Anything in the connection path between Workers and Temporal Cloud must be reachable from every region where Workers connect.' },
  check(plan) {
    const hits: RuleHit[] = [];
    const { codecServer, proxy } = plan.request.components;
    for (const r of plan.regions) {
      for (const f of r.fleets.filter((x) => x.role === FleetRole.WORKER && x.runtime === WorkerRuntime.FARGATE)) {
        const warm = f.state !== FleetState.COLD_STANDBY;
        const check = (kind: string, wanted: boolean, list: ReadonlyArray<{ state: FleetState; namespaces: string[]; upstreamAddress?: string }>) => {
          if (!wanted) return;
          const svc = list.find((s) => s.namespaces.includes(f.namespace));
          if (!svc || (warm && svc.state === FleetState.COLD_STANDBY)) {
            hits.push({
              prop: kind === 'codec server' ? 'codecServer' : 'proxy',
              value: svc ? `'${svc.state}'` : '(missing)',
              path: `${plan.constructPath}/${r.awsRegion}`,
              message: `the ${f.state} Workers in ${r.awsRegion} need a running ${kind} in their region.`,
              fix: `run the ${kind} in ${r.awsRegion} (this is a planning defect: please report it).`,
            });
          }
          if (svc && svc.upstreamAddress !== undefined && f.viaProxy && svc.upstreamAddress !== f.temporalAddress) {
            hits.push({
              prop: 'proxy',
              value: `'${svc.upstreamAddress}'`,
              path: `${plan.constructPath}/${r.awsRegion}`,
              message: `the ${r.awsRegion} proxy dials ${svc.upstreamAddress}, but its Workers need ${f.temporalAddress} for this pattern.`,
              fix: 'let the pattern set the proxy upstream.',
            });
          }
        };
        check('codec server', codecServer, r.codecServers);
        check('proxy', proxy, r.proxies);
      }
    }
    return hits;
  },
};
