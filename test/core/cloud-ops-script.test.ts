/**
 * The runbook's Cloud Ops API script, run with python3 against a local HTTP server that follows the API's published shapes: the HTTP annotations of
 * https://github.com/temporalio/api-cloud/blob/main/temporal/api/cloud/cloudservice/v1/service.proto in proto3 JSON (lowerCamelCase fields, enum
 * names), and https://docs.temporal.io/cloud/high-availability/failovers/manage ("Using HTTP"):
 * - `POST /cloud/namespaces/{namespace}/failover-region`, body `{"region": "aws-us-west-2", "asyncOperationId": "..."}` -> `{"asyncOperation": {...}}`
 * - `GET /cloud/operations/{asyncOperationId}` -> `{"asyncOperation": {"id", "state": "STATE_FULFILLED", "checkDuration": "5s", "failureReason"}}`
 * - `GET /cloud/namespaces/{namespace}` -> `{"namespace": {"namespace", "activeRegion", ...}}`
 * - every request: `Authorization: Bearer <API key>`, `temporal-cloud-api-version: <version>`; errors: an HTTP status and `{"code", "message"}`.
 * The server runs in this process, so Python runs asynchronously (a synchronous spawn would block the server).
 */
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { FAILOVER_SCRIPTS, NAMESPACE_FAILOVER_SCRIPT } from '../../lib/core';

/** The interpreter python3 names (resolved once: a version manager's shim costs a second a start on a busy machine). */
const PROBE = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
const HAS_PYTHON = PROBE.status === 0;
const PYTHON = HAS_PYTHON && PROBE.stdout.trim() ? PROBE.stdout.trim() : 'python3';
const SKIP = !HAS_PYTHON && process.env.TEMPORAL_HA_SKIP_PYTHON === '1';
const NO_PYTHON = 'python3 is not on PATH: the failover runbook\'s Cloud Ops API script is tested by running it. Install Python 3 (3.11, the runbook\'s '
  + 'runtime, or later), or set TEMPORAL_HA_SKIP_PYTHON=1 to skip these tests.';

const NAMESPACE = 'orders.a1b2c';
const API_KEY = 'tmprl-test-key-0123456789';
const VERSION = 'v0.15.0';

/** A request the server saw. */
interface Seen {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Temporal Cloud as far as the script sees it: one namespace with two regions, failovers as async operations that finish after a poll or two. */
class FakeCloudOps {
  public seen: Seen[] = [];
  public activeRegion = 'aws-us-east-1';
  /** Answer the next request matching `method path` with this status and body instead. */
  public failures = new Map<string, { status: number; body: unknown }>();
  /** Operations: id -> [states still to answer, the region it fails over to]. */
  private readonly operations = new Map<string, { states: string[]; region: string; failureReason?: string }>();
  public failOperationsWith?: string;

  public handle(s: Seen): { status: number; body: unknown } {
    const failure = this.failures.get(`${s.method} ${s.path}`);
    if (failure) return failure;
    if (s.headers.authorization !== `Bearer ${API_KEY}`) return { status: 401, body: { code: 16, message: 'invalid API key' } };
    if (!s.headers['temporal-cloud-api-version']) return { status: 400, body: { code: 3, message: 'missing temporal-cloud-api-version header' } };
    const ns = /^\/cloud\/namespaces\/([^/]+)(\/failover-region)?$/.exec(s.path);
    if (ns && decodeURIComponent(ns[1]) !== NAMESPACE) return { status: 404, body: { code: 5, message: `namespace ${ns[1]} not found` } };
    if (ns && ns[2] && s.method === 'POST') return this.failover(s);
    if (ns && !ns[2] && s.method === 'GET') {
      return {
        status: 200,
        body: {
          namespace: {
            namespace: NAMESPACE,
            activeRegion: this.activeRegion,
            state: 'STATE_ACTIVE',
            resourceVersion: '1',
            regionStatus: { 'aws-us-east-1': { state: 'STATE_ACTIVE' }, 'aws-us-west-2': { state: 'STATE_PASSIVE' } },
          },
        },
      };
    }
    const op = /^\/cloud\/operations\/([^/]+)$/.exec(s.path);
    if (op && s.method === 'GET') return this.operation(decodeURIComponent(op[1]));
    return { status: 404, body: { code: 5, message: 'not found' } };
  }

  private failover(s: Seen): { status: number; body: unknown } {
    if (s.headers['content-type'] !== 'application/json') return { status: 415, body: { code: 3, message: 'expected application/json' } };
    const body = JSON.parse(s.body);
    if (!['aws-us-east-1', 'aws-us-west-2'].includes(body.region)) return { status: 400, body: { code: 3, message: `invalid region ${body.region}` } };
    const id = body.asyncOperationId || 'server-assigned-id';
    const states = this.failOperationsWith ? ['STATE_IN_PROGRESS', 'STATE_FAILED'] : ['STATE_IN_PROGRESS', 'STATE_FULFILLED'];
    this.operations.set(id, { states, region: body.region, failureReason: this.failOperationsWith });
    return { status: 200, body: { asyncOperation: { id, state: 'STATE_PENDING', checkDuration: '0.05s', operationType: 'FailoverNamespaceRegion' } } };
  }

  private operation(id: string): { status: number; body: unknown } {
    const op = this.operations.get(id);
    if (!op) return { status: 404, body: { code: 5, message: `async operation ${id} not found` } };
    const state = op.states.length > 1 ? op.states.shift()! : op.states[0];
    if (state === 'STATE_FULFILLED') this.activeRegion = op.region;
    return {
      status: 200,
      body: { asyncOperation: { id, state, checkDuration: '0.05s', ...(state === 'STATE_FAILED' ? { failureReason: op.failureReason } : {}) } },
    };
  }
}

/** Runs one function of the script (or its handler, with a fake boto3 that serves the API key) in python3; returns what it returned or raised. */
function runPython(dir: string, call: Record<string, unknown>): Promise<{ ok?: any; error?: string; message?: string; boto3?: any[] }> {
  const driver = String.raw`
import importlib.util, json, sys, types
spec = importlib.util.spec_from_file_location('namespace_failover', sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
call = json.loads(sys.argv[2])
calls = []

class Secrets:
    def get_secret_value(self, SecretId):
        calls.append({'operation': 'GetSecretValue', 'SecretId': SecretId})
        return {'SecretString': call['secret'] + '\n'}

def client(name, region_name=None):
    calls.append({'client': name, 'region_name': region_name})
    return Secrets()

fake = types.ModuleType('boto3')
fake.client = client
sys.modules['boto3'] = fake
try:
    if call['fn'] == 'handler':
        result = module.handler(call['events'], None)
    elif call['fn'] == 'map_operation_state':
        result = [module.operation_state(operation) for operation in call['args'][0]]
    else:
        result = getattr(module, call['fn'])(*call['args'])
    print(json.dumps({'ok': result, 'boto3': calls}))
except Exception as error:
    print(json.dumps({'error': type(error).__name__, 'message': str(error), 'boto3': calls}))
`;
  return new Promise((resolve, reject) => {
    execFile(PYTHON, ['-c', driver, path.join(dir, 'namespace_failover.py'), JSON.stringify(call)], { timeout: 50_000 }, (error, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop();
      if (error || !last) reject(new Error(`python3 failed: ${error?.message ?? 'no output'}\n${stderr}`));
      else resolve(JSON.parse(last));
    });
  });
}

const describePython = SKIP ? describe.skip : describe;
// Each test starts python3 once or twice; a machine under load takes seconds for that.
jest.setTimeout(60_000);

describePython('the Cloud Ops API script against a local server following the published shapes', () => {
  let dir: string;
  let server: http.Server;
  let baseUrl: string;
  let cloud: FakeCloudOps;

  beforeAll(async () => {
    if (!HAS_PYTHON) throw new Error(NO_PYTHON);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-ha-cloud-ops-'));
    fs.writeFileSync(path.join(dir, 'namespace_failover.py'), NAMESPACE_FAILOVER_SCRIPT.source);
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const seen: Seen = { method: req.method!, path: req.url!, headers: req.headers, body };
        cloud.seen.push(seen);
        const answer = cloud.handle(seen);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    cloud = new FakeCloudOps();
  });

  const handlerEvents = (mode: string) => ({
    mode,
    region: 'us-west-2',
    secret_name: 'temporal/cloud-ops-key',
    base_url: baseUrl,
    api_version: VERSION,
    namespace: NAMESPACE,
    region_id: 'aws-us-west-2',
    operation_id: 'exec-0f1e2d3c',
    timeout_seconds: 20,
  });

  test('request_failover: POST /cloud/namespaces/<namespace>/failover-region with the bearer key, the API version and the JSON body', async () => {
    const out = await runPython(dir, { fn: 'request_failover', args: [baseUrl, VERSION, API_KEY, NAMESPACE, 'aws-us-west-2', 'op-1'] });
    expect(out.error).toBeUndefined();
    expect(out.ok).toMatchObject({ id: 'op-1', state: 'STATE_PENDING' });
    expect(cloud.seen).toHaveLength(1);
    const [post] = cloud.seen;
    expect({ method: post.method, path: post.path }).toEqual({ method: 'POST', path: '/cloud/namespaces/orders.a1b2c/failover-region' });
    expect(post.headers).toMatchObject({
      'authorization': `Bearer ${API_KEY}`, 'temporal-cloud-api-version': VERSION, 'content-type': 'application/json', 'accept': 'application/json',
    });
    expect(JSON.parse(post.body)).toEqual({ region: 'aws-us-west-2', asyncOperationId: 'op-1' });
  });

  test('active_region: GET /cloud/namespaces/<namespace> and its activeRegion', async () => {
    const out = await runPython(dir, { fn: 'active_region', args: [baseUrl, VERSION, API_KEY, NAMESPACE] });
    expect(out.ok).toBe('aws-us-east-1');
    expect(cloud.seen.map((s) => `${s.method} ${s.path}`)).toEqual(['GET /cloud/namespaces/orders.a1b2c']);
    expect(cloud.seen[0].headers).toMatchObject({ 'authorization': `Bearer ${API_KEY}`, 'temporal-cloud-api-version': VERSION });
    expect(cloud.seen[0].body).toBe('');
  });

  test('handler, trigger: reads the key from Secrets Manager, fails over, polls the async operation until fulfilled, then verifies', async () => {
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('trigger'), secret: API_KEY });
    expect(out.error).toBeUndefined();
    expect(out.ok).toEqual({ namespaceFailover: 'trigger', activeRegion: 'aws-us-west-2' });
    expect(out.boto3).toEqual([
      { client: 'secretsmanager', region_name: 'us-west-2' },
      { operation: 'GetSecretValue', SecretId: 'temporal/cloud-ops-key' },
    ]);
    expect(cloud.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /cloud/namespaces/orders.a1b2c/failover-region',
      'GET /cloud/operations/exec-0f1e2d3c',
      'GET /cloud/operations/exec-0f1e2d3c',
      'GET /cloud/namespaces/orders.a1b2c',
    ]);
    expect(JSON.parse(cloud.seen[0].body)).toEqual({ region: 'aws-us-west-2', asyncOperationId: 'exec-0f1e2d3c' });
  });

  test('handler, verify: passes when the namespace is active in the region, without failing it over', async () => {
    cloud.activeRegion = 'aws-us-west-2';
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('verify'), secret: API_KEY });
    expect(out.ok).toEqual({ namespaceFailover: 'verify', activeRegion: 'aws-us-west-2' });
    expect(cloud.seen.map((s) => s.method)).toEqual(['GET']);
  });

  test('handler, verify: stops the runbook with what to do when the namespace is active elsewhere', async () => {
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('verify'), secret: API_KEY });
    expect(out.error).toBe('RuntimeError');
    expect(out.message).toContain('the namespace orders.a1b2c is active in aws-us-east-1, not aws-us-west-2');
    expect(out.message).toContain('NamespaceFailover=trigger');
    expect(cloud.seen.map((s) => s.method)).toEqual(['GET']);
  });

  test('handler, skip: no request, no secret read', async () => {
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('skip'), secret: API_KEY });
    expect(out.ok).toEqual({ namespaceFailover: 'skipped' });
    expect(out.boto3).toEqual([]);
    expect(cloud.seen).toEqual([]);
  });

  test.each([
    [403, { code: 7, message: 'permission denied: the API key cannot fail over orders.a1b2c' }, 'permission denied'],
    [400, { code: 9, message: 'replica aws-us-west-2 is not in Activated state' }, 'not in Activated state'],
    [500, { code: 13, message: 'internal error' }, 'internal error'],
    [503, { code: 14, message: 'unavailable' }, 'unavailable'],
  ])('an HTTP %d answer raises with the status and the server\'s message, never the key', async (status, body, text) => {
    cloud.failures.set('POST /cloud/namespaces/orders.a1b2c/failover-region', { status, body });
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('trigger'), secret: API_KEY });
    expect(out.error).toBe('CloudOpsApiError');
    expect(out.message).toContain(`Temporal Cloud Ops API POST /cloud/namespaces/orders.a1b2c/failover-region answered HTTP ${status}`);
    expect(out.message).toContain(text);
    expect(out.message).not.toContain(API_KEY);
  });

  test('an HTTP error on the namespace read raises too (verify never passes on an error)', async () => {
    cloud.failures.set('GET /cloud/namespaces/orders.a1b2c', { status: 500, body: { code: 13, message: 'internal error' } });
    const out = await runPython(dir, { fn: 'active_region', args: [baseUrl, VERSION, API_KEY, NAMESPACE] });
    expect(out).toMatchObject({ error: 'CloudOpsApiError' });
    expect(out.message).toContain('GET /cloud/namespaces/orders.a1b2c answered HTTP 500');
  });

  test('a wrong key is refused by the server and reported', async () => {
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('verify'), secret: 'not-the-key' });
    expect(out.error).toBe('CloudOpsApiError');
    expect(out.message).toContain('answered HTTP 401');
  });

  test('a failover operation that fails raises with its failure reason', async () => {
    cloud.failOperationsWith = 'the replica is not ready';
    const out = await runPython(dir, { fn: 'handler', events: handlerEvents('trigger'), secret: API_KEY });
    expect(out.error).toBe('CloudOpsApiError');
    expect(out.message).toContain('the namespace failover operation exec-0f1e2d3c failed: the replica is not ready');
  });

  test('operation_state reads names, numbers and the pre-v0.3.0 field', async () => {
    const states = [{ state: 'STATE_FULFILLED' }, { state: 5 }, { stateDeprecated: 'in_progress' }, { state: 'STATE_PENDING' }, {}];
    const out = await runPython(dir, { fn: 'map_operation_state', args: [states] });
    expect(out.ok).toEqual(['fulfilled', 'fulfilled', 'in_progress', 'pending', 'unspecified']);
  });

  test('an unreachable API raises a clear error', async () => {
    const out = await runPython(dir, { fn: 'active_region', args: ['http://127.0.0.1:9', VERSION, API_KEY, NAMESPACE] });
    expect(out.error).toBe('CloudOpsApiError');
    expect(out.message).toContain('could not be reached');
  });

  test('every runbook script is valid Python', async () => {
    for (const [name, script] of Object.entries(FAILOVER_SCRIPTS)) {
      const file = path.join(dir, `${name}.py`);
      fs.writeFileSync(file, script.source);
      const result = spawnSync(PYTHON, ['-m', 'py_compile', file], { encoding: 'utf8' });
      expect({ name, status: result.status, stderr: result.stderr }).toEqual({ name, status: 0, stderr: '' });
    }
  });
});

test('python3 is available for the script tests (or they are skipped on purpose)', () => {
  if (!HAS_PYTHON && !SKIP) throw new Error(NO_PYTHON);
});
