// Prints a development JWT that the services accept when they run without AUTH_JWKS_URL.
//   npm run token -- <role> <subject> [expiresIn]     e.g. npm run token -- candidate cand-42 8h
// The key pair lives in AUTH_DEV_KEY_DIR (default .local/dev-jwt) and is created if missing.
import { isRole, ROLES, signDevToken } from '../libs/platform/src/auth';

const [role, subject, expiresIn] = process.argv.slice(2);

if (role === undefined || subject === undefined || !isRole(role)) {
  process.stderr.write(`usage: npm run token -- <role> <subject> [expiresIn]\nroles: ${ROLES.join(', ')}\n`);
  process.exit(2);
}

const token = signDevToken({
  sub: subject,
  roles: [role],
  expiresIn: (expiresIn ?? '8h') as `${number}h`,
});
process.stdout.write(`${token}\n`);
