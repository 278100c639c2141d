/** The region of an AWS profile, as the AWS CLI would pick it, for the regions the dashboard shows first. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `region` of the profile's section in the shared config file, if any. */
export function regionOfProfile(profile: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env['AWS_CONFIG_FILE'] || join(homedir(), '.aws', 'config');
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      inSection = wanted.includes(section[1]!.replace(/\s+/g, ' '));
      continue;
    }
    if (!inSection) continue;
    const setting = /^region\s*=\s*(\S+)/.exec(line);
    if (setting) return setting[1];
  }
  return undefined;
}

/** AWS_REGION, then AWS_DEFAULT_REGION, then the profile's configured region. */
export function defaultRegionFor(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || regionOfProfile(profile ?? env['AWS_PROFILE'] ?? 'default', env);
}

/**
 * Whether a named profile appears in the shared config or credentials file: a mistyped --profile is the
 * likeliest reason no credentials are found, so the advice says so.
 */
export function profileIsDefined(profile: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const files: [string, string][] = [
    [env['AWS_CONFIG_FILE'] || join(homedir(), '.aws', 'config'), profile === 'default' ? 'default' : `profile ${profile}`],
    [env['AWS_SHARED_CREDENTIALS_FILE'] || join(homedir(), '.aws', 'credentials'), profile],
  ];
  return files.some(([file, section]) => {
    try {
      return readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .some((line) => /^\[\s*(.+?)\s*\]$/.exec(line.trim())?.[1]?.replace(/\s+/g, ' ') === section);
    } catch {
      return false;
    }
  });
}
