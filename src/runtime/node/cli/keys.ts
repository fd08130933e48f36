// API keys from the command line, straight into the service's database (no running service needed):
//   npm run keys -- create --role admin --name "My name" [--org my-org]    prints the key once
//   npm run keys -- list
//   npm run keys -- revoke <id>
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.ts';
import { ROLES, type Role } from '../../../core/ports.ts';
import { createApiKey, DEFAULT_ORG, ORG_PATTERN } from '../../../usecases/keys.ts';
import { SqliteStore } from '../sqlite-store.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: 'string', default: 'admin' }, name: { type: 'string', default: 'first admin' }, org: { type: 'string', default: DEFAULT_ORG } } });
const store = new SqliteStore(loadConfig(process.env).DATABASE_PATH, { auditWriter: false });
try {
  const [command, arg] = positionals;
  if (command === 'create') {
    if (!(ROLES as readonly string[]).includes(values.role!)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    if (!ORG_PATTERN.test(values.org!)) throw new Error('--org is lowercase letters, digits, ".", "_" and "-" (at most 63)');
    const k = await createApiKey(store, { name: values.name!, role: values.role as Role, now: new Date().toISOString(), org: values.org! });
    console.log(`created ${k.record.role} key ${k.record.id} ("${k.record.name}", organisation ${k.record.org}). Keep it now, it is not shown again:\n${k.secret}`);
  } else if (command === 'list') {
    for (const k of await store.listKeys()) console.log(`${k.id}  ${k.role.padEnd(10)}  ${k.org.padEnd(16)}  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.name}`);
  } else if (command === 'revoke' && arg) {
    console.log((await store.revokeKey(arg, new Date().toISOString())) ? `revoked ${arg}` : `no active key ${arg}`);
  } else {
    console.error('usage: npm run keys -- create [--role admin|maintainer|staff|renderer] [--name …] [--org …] | list | revoke <id>');
    process.exitCode = 2;
  }
} finally {
  await store.close();
}
