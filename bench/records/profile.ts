// Optional CPU profiles of the server thread (PROFILE=<dir>): one .cpuprofile per scenario of
// the sequential pass, for Chrome DevTools or speedscope, and the top functions by self time.
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

let session: inspector.Session | undefined;

export async function startProfile(): Promise<void> {
  session ??= new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}

/** Stops the profile, writes it to `dir/name.cpuprofile`, and returns the top `n` lines by self time. */
export async function stopProfile(dir: string, name: string, n = 12): Promise<string[]> {
  const { profile } = (await session!.post('Profiler.stop')) as { profile: Profile };
  session!.disconnect();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  return topSelfTime(profile, n);
}

function topSelfTime(profile: Profile, n: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples?.forEach((id, i) => {
    const node = byNode.get(id);
    const dt = profile.timeDeltas?.[i] ?? 0;
    if (!node) return;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^file:\/\/.*?\/(node_modules|server|common|bench)\//, '$1/')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${((100 * us) / Math.max(total, 1)).toFixed(1).padStart(5)}%  ${key}`);
}
