/** The documents generated for each deployment from its plan: the topology diagram, the failover runbook and the recovery-time estimate. */
export * from './recovery-time';
export * from './topology';
export * from './runbook';
export * from './files';
