import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataFile, moveAsideForFresh } from './dataDir';

describe('defaultDataFile', () => {
  it('follows each platform\'s per-user data directory', () => {
    expect(defaultDataFile('linux', { XDG_DATA_HOME: '/xdg' }, '/home/u')).toBe('/xdg/cloudhsm-dashboard/emulator.jsonl');
    expect(defaultDataFile('linux', {}, '/home/u')).toBe('/home/u/.local/share/cloudhsm-dashboard/emulator.jsonl');
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    expect(defaultDataFile('linux', { XDG_DATA_HOME: 'relative' }, '/home/u')).toBe('/home/u/.local/share/cloudhsm-dashboard/emulator.jsonl');
    expect(defaultDataFile('darwin', { XDG_DATA_HOME: '/xdg' }, '/Users/u')).toBe('/Users/u/Library/Application Support/cloudhsm-dashboard/emulator.jsonl');
    expect(defaultDataFile('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u')).toContain('cloudhsm-dashboard');
    expect(defaultDataFile('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u').startsWith('C:\\Users\\u\\AppData\\Local')).toBe(true);
  });
});

describe('moveAsideForFresh', () => {
  it('renames the file to a timestamped .bak beside it, never overwriting an earlier one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fresh-'));
    const file = join(dir, 'emulator.jsonl');
    const now = new Date('2026-03-04T05:06:07.089Z');
    writeFileSync(file, 'one');
    const first = moveAsideForFresh(file, now);
    expect(first).toBe(join(dir, 'emulator.jsonl.2026-03-04T05-06-07-089Z.bak'));
    writeFileSync(file, 'two');
    const second = moveAsideForFresh(file, now);
    expect(second).toBe(join(dir, 'emulator.jsonl.2026-03-04T05-06-07-089Z-2.bak'));
    expect(readFileSync(first!, 'utf8')).toBe('one');
    expect(readFileSync(second!, 'utf8')).toBe('two');
    expect(existsSync(file)).toBe(false);
    expect(moveAsideForFresh(file, now)).toBeNull();
  });
});
