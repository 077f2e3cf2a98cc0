import { fleetInputsOf } from './component-inputs';
import { checkServiceSizing as checkServiceSizingOf, SERVICE_SIZING_RULE } from '../components/service';
import { Severity } from '../model';
import { Rule } from './rule';

/** Checked on the user's input by `checkServiceSizing` (patterns and blocks). */
export const SERVICE_SIZING: Rule = {
  id: SERVICE_SIZING_RULE,
  severity: Severity.ERROR,
  summary: 'Fargate CPU and memory form a size Fargate offers; task counts are whole numbers with minimum <= desired <= maximum (a cold standby has minimum 0); a Worker\'s stop timeout (2-120 s) and health check are in the ranges ECS accepts.',
  source: {
    doc: 'Amazon ECS: Task definition parameters for Fargate (task size)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size',
    quote: 'Fargate task CPU is one of a fixed set of values, and each CPU value admits only its own range of memory sizes.',
  },
  check(plan) {
    const { codecServerInput, proxyInput } = plan.request.components;
    return [
      ...fleetInputsOf(plan).flatMap(({ prefix, sizing }) => checkServiceSizingOf(sizing, prefix)),
      // Codec servers and proxies run a fixed number of tasks: no autoscaling.
      ...checkServiceSizingOf(codecServerInput, 'codecServer', undefined, { scaled: false }),
      ...checkServiceSizingOf(proxyInput, 'proxy', undefined, { scaled: false }),
    ];
  },
};
