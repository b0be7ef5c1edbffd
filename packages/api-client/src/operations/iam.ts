import { z } from 'zod';
import { defineOperation } from './define';
import { bool, list, obj, opt, str } from '../schema/tolerant';

/**
 * The two IAM calls the console needs before any GaussDB call (reference §3.1–3.2 and §6.4): a
 * project-scoped token by password, and the project list. IAM is Keystone-shaped and answers with its own
 * errors, so these rules carry no DBS codes.
 */

const text = (label: string, max = 255) =>
  z
    .string({ message: `${label}: required, a non-empty string` })
    .min(1, { message: `${label}: must not be empty` })
    .max(max, { message: `${label}: at most ${max} characters` });

/** A domain (account) by id or by name: exactly one of the two. */
const domainRef = (label: string) =>
  z
    .strictObject(
      { id: text(`${label}.id`).optional(), name: text(`${label}.name`).optional() },
      { message: `${label}: required, { name } or { id }` },
    )
    .refine((d) => (d.id === undefined) !== (d.name === undefined), {
      message: `${label}: give exactly one of id or name`,
    });

/** The project the token is scoped to, by id or by name (Huawei project names are region names such as cn-north-4). */
const projectRef = z
  .strictObject(
    {
      id: text('auth.scope.project.id', 64).optional(),
      name: text('auth.scope.project.name', 64).optional(),
      domain: domainRef('auth.scope.project.domain').optional(),
    },
    { message: 'auth.scope.project: required, { id } or { name }' },
  )
  .refine((p) => (p.id === undefined) !== (p.name === undefined), {
    message: 'auth.scope.project: give exactly one of id or name',
  });

export const createIamTokenBody = z.strictObject(
  {
    auth: z.strictObject(
      {
        identity: z.strictObject(
          {
            methods: z
              .array(
                z.literal('password', { message: 'auth.identity.methods: only "password" is supported' }),
                {
                  message: 'auth.identity.methods: required, ["password"]',
                },
              )
              .length(1, { message: 'auth.identity.methods: must be exactly ["password"]' }),
            password: z.strictObject(
              {
                user: z.strictObject(
                  {
                    name: text('auth.identity.password.user.name'),
                    password: z.string({ message: 'auth.identity.password.user.password: required' }).min(1, {
                      message: 'auth.identity.password.user.password: must not be empty',
                    }),
                    domain: domainRef('auth.identity.password.user.domain'),
                  },
                  { message: 'auth.identity.password.user: required, { name, password, domain }' },
                ),
              },
              { message: 'auth.identity.password: required, { user }' },
            ),
          },
          { message: 'auth.identity: required, { methods, password }' },
        ),
        scope: z.strictObject(
          { project: projectRef },
          { message: 'auth.scope: required, { project } (GaussDB calls need a project-scoped token)' },
        ),
      },
      { message: 'auth: required, { identity, scope }' },
    ),
  },
  { message: 'request body: must be a JSON object { auth }' },
);

const idName = obj({ id: opt(str()), name: opt(str()) });

const tokenSchema = obj({
  expires_at: str(),
  issued_at: opt(str()),
  methods: opt(list(str())),
  project: opt(obj({ id: opt(str()), name: opt(str()), domain: opt(idName) })),
  catalog: opt(
    list(
      obj({
        id: opt(str()),
        type: opt(str()),
        name: opt(str()),
        endpoints: opt(
          list(
            obj({
              id: opt(str()),
              interface: opt(str()),
              region: opt(str()),
              region_id: opt(str()),
              url: opt(str()),
            }),
          ),
        ),
      }),
    ),
  ),
  user: opt(obj({ id: opt(str()), name: opt(str()), domain: opt(idName), password_expires_at: opt(str()) })),
  roles: opt(list(idName)),
});
export type IamToken = z.output<typeof tokenSchema>;

const linksSchema = obj({ self: opt(str()), next: opt(str()), previous: opt(str()) });

const iamProjectSchema = obj({
  id: str(),
  name: str(),
  domain_id: opt(str()),
  enabled: opt(bool()),
  is_domain: opt(bool()),
  parent_id: opt(str()),
  description: opt(str()),
  links: opt(linksSchema),
});
export type IamProject = z.output<typeof iamProjectSchema>;

/** Header carrying the token in the 201 answer of createIamToken; send it back as `X-Auth-Token`. */
export const IAM_TOKEN_HEADER = 'X-Subject-Token';

export const iamOperations = {
  createIamToken: defineOperation({
    id: 'createIamToken',
    section: 'iam.1',
    title: 'Get an IAM user token (password, project scope)',
    titleZh: '获取用户Token',
    area: 'iam',
    method: 'POST',
    path: '/v3/auth/tokens',
    body: createIamTokenBody,
    response: obj({ token: tokenSchema }),
    successStatus: 201,
    service: 'iam',
    projectless: true,
    notes:
      'The token is the X-Subject-Token response header (valid 24 h, token.expires_at); send it as X-Auth-Token.',
  }),

  listIamProjects: defineOperation({
    id: 'listIamProjects',
    section: 'iam.2',
    title: 'List IAM projects',
    titleZh: '查询指定条件下的项目信息',
    area: 'iam',
    method: 'GET',
    path: '/v3/projects',
    query: z.strictObject({
      name: text('name', 64).optional(),
    }),
    response: obj({
      projects: list(iamProjectSchema),
      links: opt(linksSchema),
    }),
    successStatus: 200,
    service: 'iam',
    projectless: true,
  }),
} as const;
