import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { render, REPO_ROOT, targets } from '../src/render.js'
import { ingressRoutes, nginxRoutes, routeDifferences } from '../src/routes.js'

const NGINX_CONF = readFileSync(join(REPO_ROOT, 'deploy/nginx/nginx.conf'), 'utf8')

t.test('the Ingress of every overlay routes exactly what nginx.conf routes, to the same services', async (t) => {
  const nginx = nginxRoutes(NGINX_CONF)
  t.equal(
    nginx.routes.length,
    12,
    'nginx.conf routes /v1/<service> and /docs/<service>, exact and prefix, for three services',
  )
  for (const target of targets()) {
    const hosts = ingressRoutes(await render(target))
    t.equal(hosts.length, 1, `${target}: one Ingress rule`)
    for (const { host, routes } of hosts) t.same(routeDifferences(nginx.routes, routes), [], `${target} (${host})`)
  }
})

t.test('what nginx.conf answers itself is known, so a new route cannot be missed', async (t) => {
  const routed = nginxRoutes(NGINX_CONF).local.filter((location) => !location.path.startsWith('@'))
  // The /docs index page (documented in deploy/k8s/README.md) and the catch-all 404; named locations (@...) are
  // error pages, not routes.
  t.same(routed, [
    { modifier: '~', path: '^/docs/?$' },
    { modifier: '', path: '/' },
  ])
})

t.test(
  'the comparison reports a route missing on either side, a changed match type or a changed service',
  async (t) => {
    const nginx = nginxRoutes(NGINX_CONF).routes
    const objects = await render('overlays/staging')
    const ingress = objects.find((object) => object.kind === 'Ingress')!
    type Path = { path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } }
    const paths = (ingress.spec as { rules: { http: { paths: Path[] } }[] }).rules[0]!.http.paths
    paths[0]!.pathType = 'Prefix'
    paths[3]!.backend.service.name = 'consultants'
    paths.splice(9, 1)
    paths.push({ path: '/health', pathType: 'Prefix', backend: { service: { name: 'auth', port: { name: 'http' } } } })
    t.same(routeDifferences(nginx, ingressRoutes(objects)[0]!.routes), [
      'only in nginx.conf: Exact /v1/auth -> auth',
      'only in nginx.conf: Prefix /docs/auth/ -> auth',
      'only in nginx.conf: Prefix /v1/catalog/ -> catalog',
      'only in the Ingress: Prefix /v1/auth -> auth',
      'only in the Ingress: Prefix /docs/auth/ -> consultants',
      'only in the Ingress: Prefix /health -> auth',
    ])
  },
)

t.test('the nginx.conf reader understands exact, prefix, regex and commented-out locations', async (t) => {
  const conf = `
    server {
      # location /old/ { proxy_pass http://old; }
      location = /v1/a { proxy_pass http://a; }
      location /v1/a/ {
        proxy_set_header X-Quote "}";
        proxy_pass http://a:3001;
      }
      location ~ ^/x$ { proxy_pass http://a; }
      location /static/ { return 200 'a { brace'; }
    }`
  t.same(nginxRoutes(conf), {
    routes: [
      { path: '/v1/a', pathType: 'Exact', service: 'a' },
      { path: '/v1/a/', pathType: 'Prefix', service: 'a' },
    ],
    local: [
      { modifier: '~', path: '^/x$' },
      { modifier: '', path: '/static/' },
    ],
  })
})
