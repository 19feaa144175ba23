import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** HSTS max-age: one year, the value browsers' preload lists expect at least. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** What helmet sends on every answer, besides the Content-Security-Policy. */
const COMMON: HelmetOptions = {
  // Never inside anyone's frame (clickjacking): X-Frame-Options for old browsers, frame-ancestors below.
  xFrameOptions: { action: 'deny' },
  // The path (group and user ids) stays on this site; other sites learn nothing.
  referrerPolicy: { policy: 'same-origin' },
  // Sent only on https requests, by hsts() below: over http a browser ignores it anyway.
  strictTransportSecurity: false,
  // helmet's defaults for the rest: nosniff, Cross-Origin-Opener-Policy and
  // Cross-Origin-Resource-Policy same-origin, Origin-Agent-Cluster, X-DNS-Prefetch-Control off,
  // X-Permitted-Cross-Domain-Policies none, X-XSS-Protection 0.
};

/**
 * The SPA's policy. Scripts only from this origin: the built index.html has no inline script
 * (the colour-scheme script is a file for this reason, and Vite's module-preload polyfill is
 * bundled into the entry chunk), so 'unsafe-inline' is never needed for scripts.
 * Styles: Mantine renders <style> elements (its CSS variables, responsive style props) at run
 * time, which a policy without 'unsafe-inline' blocks (Chromium reports style-src-elem on every
 * page; e2e/csp.e2e.ts). With scripts, images, fonts and connections all limited to this origin,
 * an injected style can neither run code nor send data anywhere. `'self'` in connect-src covers
 * WebSockets to this origin as well (CSP 3; checked in the same test).
 * No `upgrade-insecure-requests`: a server reached over plain http (a local install) would
 * break its own page with it; behind https every resource is on the same https origin anyway.
 */
const spaPolicy = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      // Every form in the SPA is submitted by script to /graphql; single sign-on leaves by redirect.
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  ...COMMON,
});

/** API answers (JSON, CSV, redirects) load nothing and are shown in no frame. */
const apiPolicy = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
  },
  ...COMMON,
});

/**
 * Strict-Transport-Security on requests that came over https (directly, or per a trusted proxy's
 * X-Forwarded-Proto with TRUST_PROXY). No includeSubDomains: the other hosts of the operator's
 * domain are not Gatehouse's to decide for.
 */
const hsts: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
  next();
};

/**
 * Security headers on every answer: the SPA's Content-Security-Policy on its pages and files,
 * a policy that allows nothing on the API's paths, and HSTS when the request was https.
 */
export function securityHeaders(isApiPath: (path: string) => boolean): RequestHandler {
  return (req, res, next) => {
    hsts(req, res, () => (isApiPath(req.path) ? apiPolicy : spaPolicy)(req, res, next));
  };
}
