// Problems are collected, never thrown: a request hears about every bad field at once, keyed the
// way kintone keys its `errors` map.
import type { FieldMessageKey } from '../errors.js';
import { dict } from './types.js';

export type Problem = { key: FieldMessageKey; params?: Record<string, string | number> };

export type Problems = Record<string, Problem[]>;

export class ProblemSink {
  readonly all: Problems = dict();
  /** Grows with every report, so a caller can tell whether a step found anything. */
  count = 0;

  add(key: string, message: FieldMessageKey, params?: Record<string, string | number>): void {
    this.count++;
    const list = (this.all[key] ??= []);
    if (list.some((p) => p.key === message)) return;
    list.push(params ? { key: message, params } : { key: message });
  }

  get empty(): boolean {
    return Object.keys(this.all).length === 0;
  }
}

/** Text echoed back in a message (an option value, a code) is cut so answers stay small. */
export function echo(text: string): string {
  const chars = [...text];
  return chars.length > 100 ? `${chars.slice(0, 100).join('')}…` : text;
}

export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
