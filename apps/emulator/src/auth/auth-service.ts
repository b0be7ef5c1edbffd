import { isoSeconds, DAY } from '../clock/clock';
import type { EmulatorRuntime } from '../runtime';
import { ApiError } from '../http/errors';
import { PROJECTS, projectById, projectByName, type Credentials, type Project } from './projects';
import { verifySdkSignature, type Operations } from '@gaussdb-console/api-client';
import type { BodyOf, ResponseOf } from '../http/handlers';
import { newTokenString, tokensCollection, type TokenDoc } from './tokens';

export const DEFAULT_TOKEN_TTL_MS = DAY;

/** Who a request is: the project its credential is valid for. */
export interface Principal {
  kind: 'token' | 'aksk';
  project: Project;
  token?: string;
}

const unauthorized = (detail: string) => new ApiError(401, 'APIGW.0301', detail);
const invalidToken = (detail: string) => new ApiError(403, 'DBS.280056', detail);

/** What authentication needs from a request: raw path and query (still encoded), headers, raw body. */
export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export class AuthService {
  constructor(
    private readonly rt: EmulatorRuntime,
    readonly credentials: Credentials,
    readonly tokenTtlMs: number = DEFAULT_TOKEN_TTL_MS,
  ) {}

  private get tokens() {
    return this.rt.store.collection(tokensCollection);
  }

  /** Issues a token for a password identity scoped to a project (by id or name). */
  issueToken(body: BodyOf<'createIamToken'>): {
    token: string;
    doc: TokenDoc;
    body: ResponseOf<Operations['createIamToken']>;
  } {
    const { user } = body.auth.identity.password;
    const scope = body.auth.scope.project;
    const c = this.credentials;
    const domainOk = user.domain.name === c.domain || user.domain.id === c.domainId;
    if (user.name !== c.user || user.password !== c.password || !domainOk) {
      throw unauthorized('The username, password or domain is incorrect.');
    }
    const project =
      scope.id !== undefined
        ? projectById(scope.id)
        : scope.name !== undefined
          ? projectByName(scope.name)
          : PROJECTS[0];
    if (!project)
      throw unauthorized('The project in the scope does not exist or the user has no access to it.');
    const now = this.rt.clock.now();
    const doc: TokenDoc = {
      id: newTokenString(),
      project_id: project.id,
      user: c.user,
      issued_at: now,
      expires_at: now + this.tokenTtlMs,
      revoked: false,
    };
    this.tokens.put(doc);
    return { token: doc.id, doc, body: this.tokenBody(doc, project) };
  }

  private tokenBody(doc: TokenDoc, project: Project): ResponseOf<Operations['createIamToken']> {
    const c = this.credentials;
    const domain = { id: c.domainId, name: c.domain };
    return {
      token: {
        expires_at: new Date(doc.expires_at).toISOString(),
        issued_at: new Date(doc.issued_at).toISOString(),
        methods: ['password'],
        project: { id: project.id, name: project.name, domain },
        user: { id: c.userId, name: c.user, domain, password_expires_at: '' },
        roles: [
          { id: '0', name: 'te_admin' },
          { id: '1', name: 'op_gated_gaussdb' },
        ],
        catalog: [
          {
            type: 'gaussdb',
            id: 'gaussdb',
            name: 'gaussdb',
            endpoints: [
              {
                id: project.id,
                interface: 'public',
                region: project.region,
                region_id: project.region,
                url: this.rt.baseUrl(),
              },
            ],
          },
          {
            type: 'identity',
            id: 'iam',
            name: 'iam',
            endpoints: [
              { id: 'iam', interface: 'public', region: '*', region_id: '*', url: `${this.rt.baseUrl()}/v3` },
            ],
          },
        ],
      },
    };
  }

  /** The valid, unrevoked, unexpired token `value`, else a 403 DBS.280056. */
  checkToken(value: string): TokenDoc {
    const doc = this.tokens.get(undefined, value);
    if (!doc) throw invalidToken('Invalid token.');
    if (doc.revoked) throw invalidToken('Invalid token: the token has been revoked.');
    if (doc.expires_at <= this.rt.clock.now()) throw invalidToken('Invalid token: the token has expired.');
    return doc;
  }

  /**
   * Authenticates a GaussDB request: `X-Auth-Token`, else an AK/SK signature. `pathProject` is the project in
   * the path (undefined for projectless routes, which then use the credential's project).
   */
  authenticate(req: SignedRequest, pathProject: string | undefined): Principal {
    const header = (n: string) => {
      const v = req.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    const token = header('x-auth-token');
    const authorization = header('authorization');
    if (token) {
      const doc = this.checkToken(token);
      const project = projectById(doc.project_id)!;
      if (pathProject !== undefined && pathProject !== doc.project_id) {
        throw new ApiError(
          403,
          'DBS.280056',
          `Invalid token: the token is scoped to project ${doc.project_id}, not ${pathProject}.`,
        );
      }
      return { kind: 'token', project, token };
    }
    if (authorization) {
      // The contract's verifier (same algorithm the client signs with); the date is checked against the wall clock.
      const result = verifySdkSignature(
        { method: req.method, path: req.rawPath, query: req.rawQuery, headers: req.headers, body: req.body },
        (ak) => (ak === this.credentials.ak ? this.credentials.sk : undefined),
        Date.now(),
      );
      if (!result.ok) throw invalidToken(`Invalid token: ${result.reason}.`);
      const projectId = header('x-project-id') ?? pathProject;
      if (pathProject !== undefined && projectId !== pathProject)
        throw invalidToken('Invalid token: X-Project-Id does not match the project in the path.');
      const project = projectById(projectId) ?? PROJECTS[0]!;
      if (projectId !== undefined && !projectById(projectId))
        throw invalidToken(`Invalid token: unknown project ${projectId}.`);
      return { kind: 'aksk', project };
    }
    throw unauthorized(
      'Authentication required: send X-Auth-Token (IAM token) or an SDK-HMAC-SHA256 Authorization signature.',
    );
  }

  list(): { token: string; project: string; expires_at: string; revoked: boolean }[] {
    return this.tokens.all({ orderBy: [{ col: 'expires_at' }] }).map((t) => ({
      token: t.id,
      project: t.project_id,
      expires_at: isoSeconds(t.expires_at),
      revoked: t.revoked || t.expires_at <= this.rt.clock.now(),
    }));
  }

  /** Revokes one token, or all tokens when `token` is undefined. Returns how many were revoked. */
  revoke(token?: string): number {
    const targets = token
      ? [this.tokens.get(undefined, token)].filter((t): t is TokenDoc => !!t)
      : this.tokens.all();
    for (const t of targets) this.tokens.put({ ...t, revoked: true });
    return targets.length;
  }
}
