import { createRootLogger } from './logging.module';

describe('the root logger', () => {
  it('redacts personal data, addresses and credentials wherever a log call puts them, three levels down', () => {
    const lines: string[] = [];
    const logger = createRootLogger(
      { LOG_LEVEL: 'debug', SERVICE_NAME: 'test' },
      { write: (line) => void lines.push(line) },
    );
    const personal = { firstName: 'Marie', lastName: 'Curie', email: 'marie.curie@example.org' };
    logger.info({ personal }, 'top level');
    logger.info({ data: { personal } }, 'in an event');
    logger.warn({ event: { data: { personal } } }, 'in a message');
    logger.info({ notification: { email: personal.email, token: 'eyJhbGciOi' } }, 'an address and a token');
    logger.info({ req: { headers: { authorization: 'Bearer eyJhbGciOi', cookie: 'sid=1' } } }, 'a request');

    expect(lines).toHaveLength(5);
    const log = lines.join('');
    for (const secret of ['Marie', 'Curie', 'marie.curie', 'eyJhbGciOi', 'sid=1']) expect(log).not.toContain(secret);
    expect(JSON.parse(lines[2])).toMatchObject({ event: { data: { personal: '[redacted]' } }, msg: 'in a message' });
  });
});
