import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from './clip';
import { endpointOf, errorBody, newRequestId } from './protocol';

describe('protocol', () => {
  it('writes error bodies in the AWS JSON 1.1 shape, the message bounded', () => {
    expect(JSON.parse(errorBody('SerializationException', 'bad'))).toEqual({ __type: 'SerializationException', message: 'bad' });
    const long = JSON.parse(errorBody('X', 'y'.repeat(MAX_MESSAGE_CHARS + 100))) as { message: string };
    expect(long.message).toHaveLength(MAX_MESSAGE_CHARS + 3);
  });

  it('gives UUID request ids and regional endpoints', () => {
    expect(newRequestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRequestId()).not.toBe(newRequestId());
    expect(endpointOf('eu-west-1')).toBe('https://cloudhsmv2.eu-west-1.amazonaws.com/');
  });
});
