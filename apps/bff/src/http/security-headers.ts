import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet with a strict CSP: scripts and styles only from our origin (no inline script anywhere, the
 * sign-in page's JS is a separate file), no framing, no plugins, forms and fetches to ourselves only.
 * HSTS is sent only when the console is known to be served over HTTPS.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        // Radix dialogs lock page scroll with a small injected <style> element; allow inline style elements
        // and attributes only (scripts stay 'self'-only, which is what stops XSS).
        'style-src-elem': ["'self'", "'unsafe-inline'"],
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
