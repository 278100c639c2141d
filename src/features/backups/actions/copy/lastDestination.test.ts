import { describe, expect, it } from 'vitest';
import { LAST_DESTINATION_KEY, readLastDestination, readStoredText, rememberDestination, type KeyValueStorage } from './lastDestination';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

const throwing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('last copy destination', () => {
  it('remembers a region and reads it back', () => {
    const storage = memoryStorage();
    expect(readLastDestination(storage)).toBeNull();
    rememberDestination(storage, 'us-west-2');
    expect(storage.data[LAST_DESTINATION_KEY]).toBe('us-west-2');
    expect(readLastDestination(storage)).toBe('us-west-2');
    rememberDestination(storage, 'us-gov-east-1');
    expect(readLastDestination(storage)).toBe('us-gov-east-1');
  });

  it('reads nothing from values that are not region names', () => {
    for (const value of ['', '   ', 'US-WEST-2', 'us-west-2; drop', '<script>', 'a'.repeat(40), 'us-west']) {
      expect(readLastDestination(memoryStorage({ [LAST_DESTINATION_KEY]: value }))).toBeNull();
    }
  });

  it('does not store what is not a region name', () => {
    const storage = memoryStorage();
    rememberDestination(storage, 'not a region');
    expect(storage.data).toEqual({});
  });

  it('survives missing or failing storage', () => {
    expect(readLastDestination(null)).toBeNull();
    expect(readLastDestination(throwing)).toBeNull();
    expect(() => rememberDestination(throwing, 'us-west-2')).not.toThrow();
    expect(() => rememberDestination(null, 'us-west-2')).not.toThrow();
  });
});

describe('readStoredText', () => {
  it('reads a value, or null when missing or refused', () => {
    expect(readStoredText(memoryStorage({ k: 'v' }), 'k')).toBe('v');
    expect(readStoredText(memoryStorage(), 'k')).toBeNull();
    expect(readStoredText(throwing, 'k')).toBeNull();
    expect(readStoredText(null, 'k')).toBeNull();
  });
});
