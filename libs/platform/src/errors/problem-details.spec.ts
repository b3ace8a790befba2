import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ConcurrencyError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  INPUT,
} from '@admissions/domain-kernel';
import { RequestValidationError, toProblem } from './problem-details';
import { fieldProblems } from './validation.pipe';

describe('toProblem', () => {
  it.each([
    [new ValidationError('ECTS must be positive', 'MOB-3', 'ects'), 400, 'urn:admissions:problem:validation'],
    [new ForbiddenError('not the lead of this programme', 'CAND-2'), 403, 'urn:admissions:problem:forbidden'],
    [new NotFoundError('no such candidacy', INPUT), 404, 'urn:admissions:problem:not-found'],
    [new ConcurrencyError('stream moved on'), 409, 'urn:admissions:problem:conflict'],
    [new IllegalStateError('the offer has expired', 'JURY-5'), 422, 'urn:admissions:problem:illegal-state'],
  ])('answers %p with %i', (error, status, type) => {
    const { problem, known } = toProblem(error, '/offers/1');
    expect(known).toBe(true);
    expect(problem).toMatchObject({ status, type, detail: error.message, instance: '/offers/1' });
  });

  it('names the rule and the field, and leaves them out when the error has none', () => {
    expect(toProblem(new ValidationError('too short', 'MOB-3', 'ects'), '/').problem).toMatchObject({
      ruleId: 'MOB-3',
      field: 'ects',
    });
    const { problem } = toProblem(new NotFoundError('gone', INPUT), '/');
    expect(problem).not.toHaveProperty('ruleId');
    expect(problem).not.toHaveProperty('field');
  });

  it('keeps the status of HTTP exceptions', () => {
    expect(toProblem(new UnauthorizedException('A bearer token is required'), '/').problem).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      detail: 'A bearer token is required',
    });
    expect(toProblem(new ForbiddenException(), '/').problem.status).toBe(403);
    expect(toProblem(new NotFoundException('Cannot GET /x'), '/x').problem.detail).toBe('Cannot GET /x');
    expect(toProblem(new BadRequestException(['a is bad', 'b is bad']), '/').problem.detail).toBe('a is bad; b is bad');
  });

  it('lists each invalid field of a refused request', () => {
    const { problem } = toProblem(
      new RequestValidationError([
        { field: 'email', message: 'email must be an email' },
        { field: 'documents[0].kind', message: 'kind must be one of cv, letter' },
      ]),
      '/candidacies',
    );
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'documents[0].kind', message: 'kind must be one of cv, letter' },
    ]);
  });

  it('answers a malformed body with its own 400', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(toProblem(parseError, '/').problem).toMatchObject({
      status: 400,
      type: 'urn:admissions:problem:malformed-body',
    });
  });

  // Found by e2e/fuzz.e2e-spec.ts: Nest's express adapter wraps these in an HttpException, which
  // answered them as `about:blank`, naming no rule.
  it('names the rule of a request refused before routing, when Nest wraps the error', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(toProblem(new BadRequestException(parseError.message, { cause: parseError }), '/').problem).toMatchObject({
      status: 400,
      type: 'urn:admissions:problem:malformed-body',
    });
    const charset = Object.assign(new Error('unsupported charset "UTF-16"'), {
      status: 415,
      expose: true,
      type: 'charset.unsupported',
    });
    expect(toProblem(new HttpException(charset.message, 415, { cause: charset }), '/').problem).toMatchObject({
      status: 415,
      type: 'urn:admissions:problem:unsupported-media-type',
    });
    const badUrl = Object.assign(new URIError("Failed to decode param '%ED%A0%80'"), { status: 400 });
    expect(toProblem(new BadRequestException(badUrl.message, { cause: badUrl }), '/').problem).toMatchObject({
      status: 400,
      type: 'urn:admissions:problem:malformed-url',
    });
  });

  it('hides the message of an unexpected error behind a 500', () => {
    const { problem, known } = toProblem(new TypeError('secret internals'), '/');
    expect(known).toBe(false);
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
  });
});

describe('fieldProblems', () => {
  it('flattens nested validation errors into dotted fields', () => {
    expect(
      fieldProblems([
        { property: 'name', constraints: { isNotEmpty: 'name should not be empty' }, children: [] },
        {
          property: 'documents',
          children: [{ property: '0', children: [{ property: 'kind', constraints: { isIn: 'kind is bad' } }] }],
        },
      ]),
    ).toEqual([
      { field: 'name', message: 'name should not be empty' },
      { field: 'documents[0].kind', message: 'kind is bad' },
    ]);
  });
});
