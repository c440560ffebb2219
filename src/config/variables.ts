// Every environment variable the service reads: name, meaning, default and parser. The README's
// configuration table is written from this list; keep them in step.
export class VariableError extends Error {}

export interface Variable<T> {
  name: string;
  description: string;
  /** Shown in docs; `undefined` = optional with no default. */
  defaultText?: string;
  parse(raw: string | undefined): T;
}

function fail(rule: string): never {
  throw new VariableError(rule);
}

export function integer(opts: { min: number; max: number; default: number }) {
  return (raw: string | undefined): number => {
    if (raw === undefined || raw.trim() === '') return opts.default;
    if (!/^\d+$/.test(raw.trim())) fail(`must be a whole number between ${opts.min} and ${opts.max}, got "${raw}"`);
    const n = Number(raw.trim());
    if (n < opts.min || n > opts.max) fail(`must be between ${opts.min} and ${opts.max}, got ${n}`);
    return n;
  };
}

export function oneOf<T extends string>(values: readonly T[], dflt: T) {
  return (raw: string | undefined): T => {
    if (raw === undefined || raw.trim() === '') return dflt;
    const v = raw.trim();
    if (!(values as readonly string[]).includes(v)) fail(`must be one of ${values.join(', ')}, got "${raw}"`);
    return v as T;
  };
}

export function url(protocols: readonly string[], dflt: string | undefined) {
  return (raw: string | undefined): string | undefined => {
    if (raw === undefined || raw.trim() === '') return dflt;
    const v = raw.trim();
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      return fail(`must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`);
    }
    if (!protocols.includes(parsed.protocol)) {
      fail(`must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//…"`);
    }
    return v;
  };
}

export function text(opts: { default?: string; minLength?: number; pattern?: RegExp; patternRule?: string }) {
  return (raw: string | undefined): string | undefined => {
    if (raw === undefined || raw === '') return opts.default;
    if (opts.minLength !== undefined && raw.length < opts.minLength) {
      fail(`must be at least ${opts.minLength} characters long, got ${raw.length}`);
    }
    if (opts.pattern && !opts.pattern.test(raw)) fail(opts.patternRule ?? `has an invalid format: "${raw}"`);
    return raw;
  };
}
