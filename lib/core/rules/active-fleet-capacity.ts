import { FleetRole, FleetState, Severity } from '../model';
import { allFleets, PlannedFleet } from '../plan';
import { DOCS, Rule, RuleHit } from './rule';
import { namespaceOf, nsPath } from './util';

/** A Worker fleet that must run (active, or an Active/Hot standby) has at least one task. */
export const ACTIVE_FLEET_CAPACITY: Rule = {
  id: 'TEMPORAL_ACTIVE_FLEET_CAPACITY',
  severity: Severity.ERROR,
  summary: 'Active Worker fleets (and Active/Hot standby fleets) run at least one task: minCapacity 0 is for cold standby fleets, which the patterns size themselves.',
  source: {
    ...DOCS.ARCHITECTURE_PATTERNS,
    quote: 'Active/Passive (Hot): a full Worker fleet runs in each region; the secondary region\'s Workers stay connected and warm, but on standby.',
  },
  check(plan) {
    // One finding per prop the user set, naming every region it empties.
    const empty = new Map<string, { fleet: PlannedFleet; regions: string[] }>();
    for (const f of allFleets(plan)) {
      const running = f.state === FleetState.ACTIVE || f.state === FleetState.HOT_STANDBY;
      if (f.role !== FleetRole.WORKER || !running || !f.service || f.service.desiredCount !== 0) continue;
      const standbyOnly = f.state === FleetState.HOT_STANDBY && f.service.activeDesiredCount !== 0;
      const prop = `${f.optionsPath}.${standbyOnly ? 'standbyMinCapacity' : 'minCapacity'}`;
      const entry = empty.get(prop) ?? { fleet: f, regions: [] };
      entry.regions.push(f.awsRegion);
      empty.set(prop, entry);
    }
    return [...empty.entries()].map(([prop, { fleet, regions }]): RuleHit => {
      const ns = namespaceOf(plan, fleet);
      return {
        prop,
        value: '0',
        path: ns && nsPath(ns),
        message: `the Workers of ${fleet.namespace} in ${regions.join(' and ')} would run no tasks: no Worker polls the namespace there, so its `
          + 'Workflows and Activities stop (and an Active/Hot standby is not warm).',
        fix: 'set minCapacity to 1 or more (the default is 2); for a standby without tasks use ActiveColdDeployment, which deploys it at 0 and scales it on failover.',
      };
    });
  },
};
