// Runs one client task (client.ts) in a worker thread. tsx does not follow a script into worker
// threads on Node 20, so the worker registers it first and then imports the TypeScript module.
import { Worker } from 'node:worker_threads';
import type { Task, WorkerMessage } from './client.js';

export interface Running<T> {
  result: Promise<T>;
  /** Asks the task to stop early (the loader finishes the requests in flight). */
  stop(): void;
}

export function runTask<T>(task: Task, onProgress: (done: number, ms: number, total?: number) => void = () => {}): Running<T> {
  const entry = new URL('./client.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: task });
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.ms, m.total);
      else {
        settled = true;
        resolve(m.result as T);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`client worker exited with code ${code} before answering`));
    });
  });
  return { result, stop: () => worker.postMessage('stop') };
}
