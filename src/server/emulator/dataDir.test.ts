import { describe, expect, it } from 'vitest';
import { defaultDataFile } from './dataDir';

describe('defaultDataFile', () => {
  it("follows each platform's per-user data directory", () => {
    expect(defaultDataFile('linux', { XDG_DATA_HOME: '/xdg' }, '/home/u')).toBe('/xdg/cloudhsm-dashboard/emulator.jsonl');
    expect(defaultDataFile('linux', {}, '/home/u')).toBe('/home/u/.local/share/cloudhsm-dashboard/emulator.jsonl');
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    expect(defaultDataFile('linux', { XDG_DATA_HOME: 'relative' }, '/home/u')).toBe(
      '/home/u/.local/share/cloudhsm-dashboard/emulator.jsonl',
    );
    expect(defaultDataFile('darwin', { XDG_DATA_HOME: '/xdg' }, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/cloudhsm-dashboard/emulator.jsonl',
    );
    expect(defaultDataFile('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u')).toContain('cloudhsm-dashboard');
    expect(
      defaultDataFile('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u').startsWith('C:\\Users\\u\\AppData\\Local'),
    ).toBe(true);
  });
});
