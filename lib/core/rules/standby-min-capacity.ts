import { checkStandbyMinCapacity, STANDBY_MIN_CAPACITY_RULE } from '../components/service';
import { FleetRole, FleetState, Severity } from '../model';
import { allFleets } from '../plan';
import { DOCS, Rule } from './rule';
import { nsPath } from './util';

/** `standbyMinCapacity` sizes an Active/Hot standby fleet, and nothing else. */
export const STANDBY_MIN_CAPACITY: Rule = {
  id: STANDBY_MIN_CAPACITY_RULE,
  severity: Severity.ERROR,
  summary: 'standbyMinCapacity is set only on Active/Hot Workers (whose standby fleet it sizes), to 1 or more and at most maxCapacity.',
  source: {
    ...DOCS.ARCHITECTURE_PATTERNS,
    quote: 'Active/Passive (Hot): a full Worker fleet runs in each region; the secondary region\'s Workers stay connected and warm, but on standby.',
  },
  check(plan) {
    const fleets = allFleets(plan);
    return Object.entries(plan.request.fleetInputs ?? {}).flatMap(([key, i]) => {
      const at = (role: string) => (i.propPrefix ? `${i.propPrefix}.${role}` : role);
      const ns = plan.namespaces.find((n) => n.qualifiedName === key);
      const hot = fleets.some((f) => f.configKey === key && f.role === FleetRole.WORKER && f.state === FleetState.HOT_STANDBY);
      const path = ns && nsPath(ns);
      return [
        // Errors, not warnings: an ignored standby size would let users believe a failover lands on a fleet that does not exist.
        ...checkStandbyMinCapacity(i.workers, at('workers'), hot ? undefined : `the Workers of ${key} have no hot standby (pattern: ${ns?.pattern ?? 'unknown'})`, path),
        ...checkStandbyMinCapacity(i.starters, at('starters'),
          'starters run as active fleets in every Worker region (starts are always forwarded to the active region)', path),
      ];
    });
  },
};
