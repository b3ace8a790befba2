import { asyncApiProblems } from './asyncapi-validation';

const document = (operationAction: string, example: unknown) => ({
  asyncapi: '3.0.0',
  info: { title: 'Admissions — test events', version: '0.1.0' },
  channels: {
    'admissions.test.events': {
      address: 'admissions.test.events',
      messages: {
        'Tested.v1': {
          name: 'Tested',
          payload: { type: 'object', required: ['testedAt'], properties: { testedAt: { type: 'string' } } },
          examples: [{ payload: example }],
        },
      },
    },
  },
  operations: {
    'send.admissions.test.events': {
      action: operationAction,
      channel: { $ref: '#/channels/admissions.test.events' },
      messages: [{ $ref: '#/channels/admissions.test.events/messages/Tested.v1' }],
    },
  },
});

describe('asyncApiProblems', () => {
  it('finds nothing wrong with a valid document', async () => {
    expect(await asyncApiProblems(document('send', { testedAt: '2027-03-12' }))).toEqual([]);
  });

  it("reports what the parser refuses, and an example its message's schema refuses", async () => {
    const problems = await asyncApiProblems(document('publish', { tested: true }));
    expect(problems).toEqual([
      expect.stringMatching(/at operations\.send\.admissions\.test\.events\.action: "action" property must be equal/),
      "admissions.test.events Tested.v1: example payload data must have required property 'testedAt'",
    ]);
  });
});
