// kintone's native mobile apps, which guests may not use (MISSION §2): they identify themselves
// in the User-Agent ("kintone mobile", "KintoneMobile/…") or with X-Cybozu-Mobile-App. A phone's
// web browser is not refused: its agent names the browser, not the app.
import type { IncomingHttpHeaders } from 'node:http';

const MOBILE_APP_AGENTS = [/\bkintone[ _-]?mobile\b/i, /\bkintonemobile\//i, /\bEngawaMobile\//];

export function isMobileAppClient(headers: IncomingHttpHeaders): boolean {
  if (headers['x-cybozu-mobile-app'] !== undefined) return true;
  const ua = headers['user-agent'];
  return typeof ua === 'string' && MOBILE_APP_AGENTS.some((re) => re.test(ua));
}
