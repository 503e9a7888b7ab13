// The e2e tests drive the built app: build dist/web first unless it is a build of these sources.
import { ensureWebBuild } from '../../web/tools/build.js';

export default async function setup(): Promise<void> {
  await ensureWebBuild({ quiet: true });
}
