import { registerHandler, reply } from '../http/handlers';

/** IAM `POST /v3/auth/tokens`: 201 with the token in `X-Subject-Token`. */
registerHandler('createIamToken', (ctx) => {
  const { token, body } = ctx.rt.auth.issueToken(ctx.body);
  return reply(201, body, { 'X-Subject-Token': token });
});

/** IAM `GET /v3/projects`: the projects the user may scope tokens to. */
registerHandler('listIamProjects', (ctx) => ({
  projects: ctx.rt.projects.map((p) => ({
    id: p.id,
    name: p.name,
    domain_id: ctx.rt.auth.credentials.domainId,
    description: p.role === 'main' ? 'main region' : 'disaster-recovery region',
    enabled: true,
    is_domain: false,
    parent_id: ctx.rt.auth.credentials.domainId,
    links: { self: `${ctx.rt.baseUrl()}/v3/projects/${p.id}` },
  })),
  links: { self: `${ctx.rt.baseUrl()}/v3/projects`, next: null, previous: null },
}));
