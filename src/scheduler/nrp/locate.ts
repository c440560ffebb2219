/**
 * Where the shared benchmark files are. `NRP_DIR` wins; otherwise the first
 * `<ancestor>/shared/benchmarks/nrp` found walking up from the repository root — for a clone at
 * `/x/main` that is `/x/shared/benchmarks/nrp` (how CI lays it out); for a git worktree nested one
 * level deeper (`/x/wt/name`) it finds the same folder one level further up.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function locateNrpDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.NRP_DIR) return path.resolve(env.NRP_DIR);
  const first = path.resolve(repoRoot, '../shared/benchmarks/nrp');
  for (let dir = path.resolve(repoRoot, '..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/benchmarks/nrp');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return first; // not found: name the documented place in errors
  }
}
