// Prints a bearer token signed with the secret the server uses (JWT_SECRET, or the generated
// development secret in JWT_SECRET_FILE — the same file `npm start` uses).
//   npm run token -- --role ORG_ADMIN
//   npm run token -- --role UNIT_MANAGER --unit 6650f0c2a1b2c3d4e5f60718 --expires 12h
import { parseArgs } from 'node:util';
import { isRole, ROLES, type Caller } from '../src/auth/caller';
import { signToken } from '../src/auth/jwt';
import { resolveJwtSecret } from '../src/auth/secret';
import { ConfigError, loadConfig } from '../src/config/config';

const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} [--region ID] [--unit ID] [--person ID] [--expires 7d]`;

export function callerFromArgs(argv: string[]): { caller: Caller; expires: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      unit: { type: 'string' },
      person: { type: 'string' },
      expires: { type: 'string', default: '7d' },
    },
    strict: true,
  });
  if (!values.role) throw new Error(`--role is required\n${USAGE}`);
  if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}, got "${values.role}"\n${USAGE}`);
  if (!/^\d+[smhdw]?$/.test(values.expires!)) throw new Error(`--expires must look like 30m, 12h, 7d or a number of seconds, got "${values.expires}"`);
  const caller: Caller = { role: values.role };
  if (values.region) caller.regionId = values.region;
  if (values.unit) caller.unitId = values.unit;
  if (values.person) caller.personId = values.person;
  return { caller, expires: values.expires! };
}

function main(): void {
  try {
    const { caller, expires } = callerFromArgs(process.argv.slice(2));
    const config = loadConfig();
    const { secret, source, file } = resolveJwtSecret(config);
    const expiresIn = /^\d+$/.test(expires) ? Number(expires) : expires;
    process.stdout.write(signToken(caller, secret, expiresIn) + '\n');
    if (source !== 'env') process.stderr.write(`(signed with the development secret in ${file}; set JWT_SECRET to use another)\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

if (require.main === module) main();
