/** Reads SITE_URL / BASE_PATH at build time; bad values fail the build with a clear message. */
export function normalizeSite(value) {
  const raw = value && value.trim() ? value.trim() : 'http://localhost:4321';
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`SITE_URL must be http(s), got "${raw}"`);
  return url.origin;
}

/** "/ml-notes" or "ml-notes/" → "/ml-notes/"; empty → "/". */
export function normalizeBase(value) {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === '/') return '/';
  if (!/^\/?[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*\/?$/.test(raw)) {
    throw new Error(`BASE_PATH must look like /ml-notes/ (letters, digits, . _ ~ -), got "${raw}"`);
  }
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`;
}
