// The BFF's minimal sign-in page (no inline script: the CSP allows scripts from this origin only).
// Every mutation carries the headers the CSRF check requires.
const $ = (id) => document.getElementById(id);
const mutationHeaders = { 'Content-Type': 'application/json', 'X-Console-Request': '1' };

function text(tag, value) {
  const el = document.createElement(tag);
  el.textContent = value;
  return el;
}

async function showSignedIn(session) {
  $('signin').hidden = true;
  $('signed-in').hidden = false;
  const dl = $('session-details');
  dl.replaceChildren();
  const rows = [
    ['User', session.user],
    ['Role', session.role],
    ['Projects', session.projects.map((p) => `${p.name} (${p.region})`).join(', ') || 'none configured'],
    ['Session ends', new Date(session.expires_at).toLocaleString()],
  ];
  if (session.tenants)
    rows.push(['Tenants', session.tenants.map((t) => `${t.instance_id} / ${t.pdb_id}`).join(', ')]);
  if (session.demo) rows.push(['Mode', 'embedded demo']);
  for (const [k, v] of rows) dl.append(text('dt', k), text('dd', v));
  try {
    const r = await fetch('/readyz');
    $('readiness').textContent = JSON.stringify(await r.json(), null, 2);
  } catch {
    $('readiness').textContent = 'the server did not answer';
  }
}

async function showSignIn() {
  $('signed-in').hidden = true;
  $('signin').hidden = false;
  $('username').focus();
  try {
    const info = await (await fetch('/api/v1/info')).json();
    if (info.demo && Array.isArray(info.demo_users)) {
      const body = $('demo-users');
      body.replaceChildren();
      for (const u of info.demo_users) {
        const tr = document.createElement('tr');
        const pass = document.createElement('td');
        pass.append(text('code', u.password));
        tr.append(text('td', u.name), text('td', u.role), pass);
        body.append(tr);
      }
      $('demo').hidden = false;
    }
  } catch {
    // The demo table is a convenience; the form works without it.
  }
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const body = JSON.stringify({ username: $('username').value, password: $('password').value });
  const r = await fetch('/api/v1/session', { method: 'POST', headers: mutationHeaders, body });
  const data = await r.json().catch(() => ({}));
  if (r.ok) {
    $('password').value = '';
    await showSignedIn(data);
  } else {
    $('signin-error').textContent = data.error?.message || `Sign-in failed (HTTP ${r.status})`;
  }
});

$('signout').addEventListener('click', async () => {
  await fetch('/api/v1/session', { method: 'DELETE', headers: { 'X-Console-Request': '1' } });
  await showSignIn();
});

const r = await fetch('/api/v1/session');
if (r.ok) await showSignedIn(await r.json());
else await showSignIn();
