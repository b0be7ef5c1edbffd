import { createGaussDbClient, GaussDbApiError, type GaussDbClient } from '@gaussdb-console/api-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';

/**
 * The demo fleet on a manual clock, with a typed client holding a token for the main project: the set-up
 * the area tests (databases, tenants, tags) share. Responses are checked against their descriptors.
 */
export interface DemoFleet {
  emu: RunningEmulator;
  client: GaussDbClient;
  token: string;
  /** Id of a demo instance by name. */
  idOf(name: string): string;
  /** Changes a demo instance behind the API's back (to put it in a state a rule is about). */
  patchInstance(name: string, change: Partial<InstanceDoc>): void;
  /** A request the client would refuse before sending, sent as is to see the emulator's own answer. */
  raw<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T | undefined }>;
}

export async function startDemoFleet(options: EmulatorOptions = {}): Promise<DemoFleet> {
  const emu = await startEmulator({
    memory: true,
    seed: 'demo',
    clock: 'manual',
    startTime: Date.UTC(2025, 0, 15, 8),
    validateResponses: true,
    admin: false,
    ...options,
  });
  const { iam } = emu.credentials;
  const token = emu.runtime.auth.issueToken({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: iam.user, password: iam.password, domain: { name: iam.domain } } },
      },
      scope: { project: { id: emu.projectId } },
    },
  }).token;
  const client = createGaussDbClient({
    endpoint: emu.url,
    projectId: emu.projectId,
    auth: { type: 'token', token },
  });
  const instances = () => emu.runtime.store.collection(instancesCollection);
  const idOf = (name: string) => {
    const inst = instances()
      .all()
      .find((i) => i.name === name);
    if (!inst) throw new Error(`no demo instance named ${name}`);
    return inst.id;
  };
  return {
    emu,
    client,
    token,
    idOf,
    patchInstance: (name, change) => {
      instances().update(emu.projectId, idOf(name), (d) => ({ ...d, ...change }));
    },
    raw: async <T>(method: string, path: string, body?: unknown) => {
      const res = await fetch(`${emu.url}${path}`, {
        method,
        headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T | undefined };
    },
  };
}

/** The API error a call ended with (status, DBS code, message); fails the test when the call succeeds. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; code: string | undefined; msg: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GaussDbApiError) return { status: e.status, code: e.errorCode, msg: e.errorMsg };
    throw e;
  }
  throw new Error('expected the call to fail');
}
