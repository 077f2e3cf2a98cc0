/** Helper for the component-settings rules (not a rule itself). */
import { FleetSizing } from '../components/service';
import { DeploymentPlan } from '../plan';

/** Every fleet's sizing as the user wrote it, with its prop path (`workers`, `starters`, `shards[0].workers`). */
export function fleetInputsOf(plan: DeploymentPlan): { prefix: string; sizing?: FleetSizing }[] {
  return Object.values(plan.request.fleetInputs ?? {}).flatMap((i) => {
    const at = (role: string) => (i.propPrefix ? `${i.propPrefix}.${role}` : role);
    const out: { prefix: string; sizing?: FleetSizing }[] = [];
    if (i.workers) out.push({ prefix: at('workers'), sizing: i.workers });
    if (i.starters) out.push({ prefix: at('starters'), sizing: i.starters });
    return out;
  });
}
