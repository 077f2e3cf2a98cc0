/**
 * The Python scripts the failover runbooks run in `aws:executeScript` steps (runtime python3.11, handler `handler(events, context)`, standard library
 * plus boto3, which the runtime provides: https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-executeScript.html).
 * `events` is the step's `InputPayload`; each script declares the keys it reads (`inputs`), and the runbook passes exactly those.
 *
 * The sources are raw strings: no JavaScript escapes, and no `{{` (SSM Automation would read it as a parameter reference). Every boto3 call is written
 * `<client>.<operation>(Name=value, ...)` with literal keyword names, so the tests check each against AWS's API model.
 */

/** A script of an `aws:executeScript` step. */
export interface FailoverScript {
  /** What the step does, for its description. */
  readonly description: string;
  /** The `InputPayload` keys the script reads (`events[...]`). */
  readonly inputs: readonly string[];
  /** The Python source. */
  readonly source: string;
}

/** Writes the new active region to the state parameter in the unit's other regions (best effort: a region that is down is reported, not waited for). */
export const RECORD_STATE_ELSEWHERE_SCRIPT: FailoverScript = {
  description: 'Writes the new active region to the same state parameter in the other regions',
  inputs: ['parameter_name', 'active_region', 'regions'],
  source: String.raw`import boto3
from botocore.config import Config

# The other regions may be the failed ones: fail fast (one attempt, short timeouts) so the scale-up is never held back.
OTHER_REGION = Config(connect_timeout=5, read_timeout=10, retries={'max_attempts': 1})


def handler(events, context):
    name = events['parameter_name']
    value = events['active_region']
    written = []
    failed = []
    for region in events['regions']:
        try:
            ssm = boto3.client('ssm', region_name=region, config=OTHER_REGION)
            ssm.put_parameter(Name=name, Value=value, Type='String', Overwrite=True)
            written.append(region)
        except Exception as error:  # one unreachable region must not stop the others
            failed.append(region + ': ' + str(error))
    if failed:
        raise RuntimeError('could not record ' + value + ' as the active region in ' + '; '.join(failed)
                           + '. Run this runbook again once the region is reachable, before deploying there.')
    return {'written': written}
`,
};

/** Waits until every service the runbook scaled runs at least its minimum number of tasks. */
export const WAIT_FOR_SERVICES_SCRIPT: FailoverScript = {
  description: 'Waits until every service it scaled runs at least its minimum number of tasks',
  inputs: ['region', 'services', 'timeout_seconds', 'poll_seconds'],
  source: String.raw`import time

import boto3


def _short_of_minimum(ecs, wanted):
    short = []
    for cluster in sorted(wanted):
        minimums = wanted[cluster]
        names = sorted(minimums)
        for start in range(0, len(names), 10):  # DescribeServices takes at most 10 services
            batch = names[start:start + 10]
            response = ecs.describe_services(cluster=cluster, services=batch)
            running = {}
            for found in response.get('services', []):
                running[found['serviceName']] = found.get('runningCount', 0)
            for name in batch:
                count = running.get(name.split('/')[-1], 0)
                if count < minimums[name]:
                    short.append(cluster + '/' + name + ': ' + str(count) + ' of ' + str(minimums[name]) + ' tasks running')
    return short


def handler(events, context):
    ecs = boto3.client('ecs', region_name=events['region'])
    wanted = {}
    for service in events['services']:
        wanted.setdefault(service['cluster'], {})[service['service']] = int(service['minimum'])
    timeout = float(events['timeout_seconds'])
    deadline = time.time() + timeout
    while True:
        short = _short_of_minimum(ecs, wanted)
        if not short:
            return {'ready': sum(len(names) for names in wanted.values())}
        if time.time() >= deadline:
            raise RuntimeError('after ' + str(int(timeout)) + ' s these services still run fewer tasks than their minimum: ' + '; '.join(short)
                               + '. Look at the services\' events and stopped tasks in the ECS console, then run this runbook again.')
        time.sleep(float(events['poll_seconds']))
`,
};

/**
 * Verifies, or triggers and then verifies, the namespace's failover to this region through Temporal's Cloud Ops API. HTTP shapes (proto3 JSON
 * of the Cloud Ops API's HTTP annotations, https://github.com/temporalio/api-cloud/blob/main/temporal/api/cloud/cloudservice/v1/service.proto):
 * `POST /cloud/namespaces/{namespace}/failover-region` with `{"region", "asyncOperationId"}` answers `{"asyncOperation": {...}}`
 * (https://docs.temporal.io/cloud/high-availability/failovers/manage); `GET /cloud/operations/{id}` answers `{"asyncOperation": {"state",
 * "checkDuration", "failureReason"}}`; `GET /cloud/namespaces/{namespace}` answers `{"namespace": {"activeRegion"}}`. Every request carries
 * `Authorization: Bearer <API key>` and `temporal-cloud-api-version` (https://github.com/temporalio/api-cloud#api-version).
 * The HTTP logic is plain functions (`request_failover`, `wait_for_operation`, `active_region`) that the tests call against a local server.
 */
export const NAMESPACE_FAILOVER_SCRIPT: FailoverScript = {
  description: 'Verifies (or triggers, then verifies) that the namespace is active in this region through the Temporal Cloud Ops API',
  inputs: ['mode', 'region', 'secret_name', 'base_url', 'api_version', 'namespace', 'region_id', 'operation_id', 'timeout_seconds'],
  source: String.raw`import json
import time
import urllib.error
import urllib.parse
import urllib.request

# AsyncOperation.State: the enum's numbers, for an answer that carries them instead of the names.
_STATES = {0: 'unspecified', 1: 'pending', 2: 'in_progress', 3: 'failed', 4: 'cancelled', 5: 'fulfilled'}


class CloudOpsApiError(Exception):
    """The Cloud Ops API refused a request, could not be reached, or answered something unexpected."""


def _call(opener, method, base_url, path, api_version, api_key, body=None):
    url = base_url.rstrip('/') + path
    data = None if body is None else json.dumps(body).encode('utf-8')
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header('Authorization', 'Bearer ' + api_key)
    request.add_header('temporal-cloud-api-version', api_version)
    request.add_header('Accept', 'application/json')
    if data is not None:
        request.add_header('Content-Type', 'application/json')
    try:
        with opener.request.urlopen(request, timeout=30) as response:
            text = response.read().decode('utf-8')
    except urllib.error.HTTPError as error:
        detail = error.read().decode('utf-8', 'replace').strip()[:500]
        raise CloudOpsApiError('Temporal Cloud Ops API ' + method + ' ' + path + ' answered HTTP ' + str(error.code) + ' ' + str(error.reason)
                               + (': ' + detail if detail else '')) from None
    except urllib.error.URLError as error:
        raise CloudOpsApiError('Temporal Cloud Ops API ' + method + ' ' + url + ' could not be reached: ' + str(error.reason)) from None
    try:
        return json.loads(text) if text.strip() else {}
    except ValueError:
        raise CloudOpsApiError('Temporal Cloud Ops API ' + method + ' ' + path + ' answered something that is not JSON: ' + text[:200]) from None


def _namespace_path(namespace):
    return '/cloud/namespaces/' + urllib.parse.quote(namespace, safe='')


def request_failover(base_url, api_version, api_key, namespace, region_id, operation_id, opener=urllib):
    """Asks Temporal Cloud to fail the namespace over to region_id; returns the async operation."""
    answer = _call(opener, 'POST', base_url, _namespace_path(namespace) + '/failover-region', api_version, api_key,
                   {'region': region_id, 'asyncOperationId': operation_id})
    operation = answer.get('asyncOperation')
    if not isinstance(operation, dict):
        raise CloudOpsApiError('Temporal Cloud Ops API failover-region answered without an asyncOperation: ' + json.dumps(answer)[:300])
    return operation


def operation_state(operation):
    """The operation's state in lower case without its prefix: pending, in_progress, failed, cancelled, fulfilled."""
    state = operation.get('state', operation.get('stateDeprecated', 'unspecified'))
    if isinstance(state, int):
        return _STATES.get(state, 'unspecified')
    state = str(state).lower()
    return state[len('state_'):] if state.startswith('state_') else state


def _check_seconds(operation, default=5.0):
    text = str(operation.get('checkDuration', '')).strip()
    try:
        seconds = float(text[:-1]) if text.endswith('s') else default
    except ValueError:
        seconds = default
    return min(max(seconds, 0.05), 30.0)


def wait_for_operation(base_url, api_version, api_key, operation, operation_id, timeout_seconds, opener=urllib, sleep=time.sleep):
    """Polls the async operation until it is fulfilled; raises when it fails, is cancelled, or outlasts timeout_seconds."""
    deadline = time.time() + timeout_seconds
    while True:
        state = operation_state(operation)
        if state == 'fulfilled':
            return operation
        if state in ('failed', 'cancelled'):
            raise CloudOpsApiError('the namespace failover operation ' + operation_id + ' ' + state + ': '
                                   + str(operation.get('failureReason') or 'no reason given'))
        if time.time() >= deadline:
            raise CloudOpsApiError('the namespace failover operation ' + operation_id + ' is still ' + state + ' after ' + str(int(timeout_seconds))
                                   + ' s: follow it in the Temporal Cloud UI, then run this runbook again with NamespaceFailover=verify')
        sleep(_check_seconds(operation))
        answer = _call(opener, 'GET', base_url, '/cloud/operations/' + urllib.parse.quote(operation_id, safe=''), api_version, api_key)
        operation = answer.get('asyncOperation') or {}


def active_region(base_url, api_version, api_key, namespace, opener=urllib):
    """The Temporal region id the namespace is active in (aws-us-east-1)."""
    answer = _call(opener, 'GET', base_url, _namespace_path(namespace), api_version, api_key)
    found = answer.get('namespace') or {}
    region = found.get('activeRegion') or found.get('active_region')
    if not region:
        raise CloudOpsApiError('Temporal Cloud Ops API GET ' + _namespace_path(namespace) + ' answered without namespace.activeRegion')
    return region


def handler(events, context):
    mode = str(events['mode']).strip().lower()
    if mode == 'skip':
        return {'namespaceFailover': 'skipped'}
    if mode not in ('verify', 'trigger'):
        raise ValueError('NamespaceFailover must be verify, trigger or skip, not ' + mode)
    import boto3
    secrets = boto3.client('secretsmanager', region_name=events['region'])
    api_key = secrets.get_secret_value(SecretId=events['secret_name'])['SecretString'].strip()
    base_url, api_version, namespace, region_id = events['base_url'], events['api_version'], events['namespace'], events['region_id']
    if mode == 'trigger':
        operation = request_failover(base_url, api_version, api_key, namespace, region_id, events['operation_id'])
        wait_for_operation(base_url, api_version, api_key, operation, events['operation_id'], float(events['timeout_seconds']))
    active = active_region(base_url, api_version, api_key, namespace)
    if active != region_id:
        raise RuntimeError('the namespace ' + namespace + ' is active in ' + active + ', not ' + region_id + '. Fail it over first (Temporal Cloud UI, '
                           + 'or tcld namespace failover), or run this runbook again with NamespaceFailover=trigger; with NamespaceFailover=skip '
                           + 'it moves the Workers without checking the namespace.')
    return {'namespaceFailover': mode, 'activeRegion': active}
`,
};

/** Moves the failover names: sets the `HealthThreshold` of the gate health checks found by their tag. */
export const MOVE_FAILOVER_NAMES_SCRIPT: FailoverScript = {
  description: 'Moves the failover names: sets the HealthThreshold of the gate health checks, found by their tag',
  inputs: ['tag_key', 'gates'],
  source: String.raw`import boto3


def _calculated_health_checks(route53):
    found = []
    marker = None
    while True:
        if marker:
            page = route53.list_health_checks(Marker=marker)
        else:
            page = route53.list_health_checks()
        for check in page.get('HealthChecks', []):
            if check.get('HealthCheckConfig', {}).get('Type') == 'CALCULATED':
                found.append(check['Id'])
        if not page.get('IsTruncated'):
            return found
        marker = page['NextMarker']


def handler(events, context):
    route53 = boto3.client('route53')
    thresholds = {}
    for gate in events['gates']:
        thresholds[gate['tag']] = int(gate['health_threshold'])
    ids = _calculated_health_checks(route53)
    moved = {}
    for start in range(0, len(ids), 10):  # ListTagsForResources takes at most 10 ids
        tagged = route53.list_tags_for_resources(ResourceType='healthcheck', ResourceIds=ids[start:start + 10])
        for resource in tagged.get('ResourceTagSets', []):
            for tag in resource.get('Tags', []):
                if tag.get('Key') == events['tag_key'] and tag.get('Value') in thresholds:
                    route53.update_health_check(HealthCheckId=resource['ResourceId'], HealthThreshold=thresholds[tag['Value']])
                    moved.setdefault(tag['Value'], []).append(resource['ResourceId'])
    missing = sorted(set(thresholds) - set(moved))
    if missing:
        raise RuntimeError('no CALCULATED health check is tagged ' + events['tag_key'] + ' = ' + ', '.join(missing)
                           + ': deploy the deployment (it creates them), then run this runbook again.')
    return {'moved': moved}
`,
};

/** Starts the standby runbook in each other region (best effort), unless the runbook's `ScaleDownOtherRegions` parameter is false. */
export const START_STANDBY_SCRIPT: FailoverScript = {
  description: 'Starts the standby runbook in each other region',
  inputs: ['enabled', 'executions'],
  source: String.raw`import boto3
from botocore.config import Config

# The other regions may be the failed ones: fail fast (one attempt, short timeouts).
OTHER_REGION = Config(connect_timeout=5, read_timeout=10, retries={'max_attempts': 1})


def handler(events, context):
    enabled = events['enabled']
    if isinstance(enabled, str):
        enabled = enabled.strip().lower() == 'true'
    if not enabled:
        return {'started': [], 'skipped': 'ScaleDownOtherRegions is false'}
    started = []
    failed = []
    for run in events['executions']:
        try:
            ssm = boto3.client('ssm', region_name=run['region'], config=OTHER_REGION)
            answer = ssm.start_automation_execution(DocumentName=run['document_name'], Parameters={'AutomationAssumeRole': [run['role_arn']]})
            started.append(run['region'] + ': ' + answer['AutomationExecutionId'])
        except Exception as error:  # one unreachable region must not stop the others
            failed.append(run['region'] + ': ' + str(error))
    if failed:
        raise RuntimeError('could not start the standby runbook in ' + '; '.join(failed) + '. Start it there once the region is reachable.')
    return {'started': started}
`,
};

/** Every script, by the name the tests report. */
export const FAILOVER_SCRIPTS: Record<string, FailoverScript> = {
  recordStateElsewhere: RECORD_STATE_ELSEWHERE_SCRIPT,
  waitForServices: WAIT_FOR_SERVICES_SCRIPT,
  namespaceFailover: NAMESPACE_FAILOVER_SCRIPT,
  moveFailoverNames: MOVE_FAILOVER_NAMES_SCRIPT,
  startStandby: START_STANDBY_SCRIPT,
};
