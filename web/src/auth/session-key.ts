/**
 * The personal access key (`rumbo_…`) of this browser tab. Kept in sessionStorage only (gone when the tab
 * closes); read from `#clave=…` links and removed from the address bar at once (docs/web.md#acceso).
 */
const STORAGE_KEY = 'rumbo.clave';
const KEY_SHAPE = /^rumbo_[A-Za-z0-9_-]{20,}$/;

export function isKeyShape(key: string): boolean {
  return KEY_SHAPE.test(key.trim());
}

export function readKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key.trim());
}

export function clearKey(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: nothing kept
  }
}

/** Takes `clave=` out of a URL fragment: the key it held (if any) and the fragment without it. */
export function takeKeyFromHash(hash: string): { key: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('clave');
  params.delete('clave');
  const rest = params.toString();
  return { key: key && key.trim() ? key.trim() : null, rest: rest ? `#${rest}` : '' };
}

/** Runs before the app renders: a key in the fragment is stored and erased from the address bar and history. */
export function captureKeyFromLocation(): string | null {
  const { key, rest } = takeKeyFromHash(window.location.hash);
  if (!window.location.hash.includes('clave=')) return null;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest}`);
  if (key) storeKey(key);
  return key;
}
