import { loggedRequest } from './logged-request';

describe('the request line the gateway logs', () => {
  it('writes no authorization code, state or ID token hint', () => {
    const logged = loggedRequest({
      method: 'GET',
      url: '/auth/callback?code=c0de&state=st4te&iss=http%3A%2F%2Flocalhost',
      query: { code: 'c0de', state: 'st4te' },
    });
    expect(logged).toEqual({
      method: 'GET',
      url: '/auth/callback?code=[redacted]&state=[redacted]&iss=http%3A%2F%2Flocalhost',
    });
    expect(loggedRequest({ url: '/oidc/session/end?id_token_hint=eyJ' }).url).toBe(
      '/oidc/session/end?id_token_hint=[redacted]',
    );
  });

  it('leaves other request lines as they are', () => {
    expect(loggedRequest({ url: '/api/candidacy/v1/candidacies?status=DRAFT' }).url).toBe(
      '/api/candidacy/v1/candidacies?status=DRAFT',
    );
  });
});
