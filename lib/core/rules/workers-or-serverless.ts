import { Severity, WorkerRuntime } from '../model';
import { DOCS, Rule } from './rule';
import { isMissing } from './util';

/** A single-namespace deployment runs its Workers as an ECS Fargate fleet or as serverless functions: exactly one. */
export const WORKERS_OR_SERVERLESS: Rule = {
  id: 'TEMPORAL_WORKERS_OR_SERVERLESS',
  severity: Severity.ERROR,
  summary: 'A single-namespace deployment sets exactly one of `workers` and `serverlessWorkers`.',
  source: { ...DOCS.SERVERLESS_WORKERS, quote: 'Serverless Workers are invoked by Temporal Cloud in the region where the namespace is active; long-lived Workers poll from a fleet.' },
  check(plan) {
    const r = plan.request;
    if (r.shards || r.workersGiven === undefined || isMissing(plan, 'serverlessWorkers')) return [];
    const serverless = r.runtime === WorkerRuntime.LAMBDA;
    if (r.workersGiven !== serverless) return [];
    return [{
      prop: 'workers',
      value: r.workersGiven ? '{...} (and serverlessWorkers = {...})' : '(not set) (and serverlessWorkers = (not set))',
      message: 'the Workers run either as an ECS Fargate fleet or as serverless Lambda functions.',
      fix: 'set exactly one of workers and serverlessWorkers.',
    }];
  },
};
