// Auth alone, without the rest of the platform: scripts/dev-token.ts loads only this.
export * from './roles';
export { signDevToken, type DevTokenRequest } from './dev-token';
export { ensureDevKeyPair } from './dev-keys';
