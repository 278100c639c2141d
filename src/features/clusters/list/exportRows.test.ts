import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toJson } from './exportRows';
import { hsm, row } from './testRows';

const rows = [
  row(
    'us-east-1',
    {
      ClusterId: 'cluster-aaaaaaaaaaa',
      State: 'ACTIVE',
      StateMessage: 'Line one\nsaid "hi", then left',
      HsmType: 'hsm2m.medium',
      Mode: 'FIPS',
      VpcId: 'vpc-1',
      Hsms: [hsm('us-east-1a')],
      BackupRetentionPolicy: { Type: 'DAYS', Value: '90' },
      CreateTimestamp: new Date('2026-01-02T03:04:05Z'),
    },
    { Name: '=HYPERLINK("http://evil")', Environment: 'production' },
  ),
  row('eu-west-1', { ClusterId: 'cluster-bbbbbbbbbbb', State: 'UNINITIALIZED' }, { Name: '@SUM(A1)' }),
];

/** A minimal RFC 4180 reader, to check the output parses back. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      out.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return out;
}

describe('csvField', () => {
  it('quotes per RFC 4180 only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas with a leading apostrophe', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvField(v).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('writes a header and one record per row, CRLF-terminated, that parse back', () => {
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records).toHaveLength(3);
    const [header, first, second] = records as [string[], string[], string[]];
    expect(header.slice(0, 4)).toEqual(['Cluster ID', 'Name', 'Region', 'State']);
    const col = (name: string) => header.indexOf(name);
    expect(first[col('Cluster ID')]).toBe('cluster-aaaaaaaaaaa');
    expect(first[col('Name')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(first[col('State message')]).toBe('Line one\nsaid "hi", then left');
    expect(first[col('State label')]).toBe('Active');
    expect(second[col('State label')]).toBe('Uninitialized');
    expect(first[col('Availability Zones')]).toBe('us-east-1a');
    expect(first[col('HA warning')]).toBe('yes');
    expect(first[col('Health')]).toBe(
      'Active · Not highly available: all serving HSMs are in us-east-1a. Add an HSM in another Availability Zone.',
    );
    expect(first[col('Needs attention')]).toBe('yes');
    expect(second[col('Health')]).toBe('Uninitialized');
    expect(second[col('Needs attention')]).toBe('no');
    expect(second[col('HA warning')]).toBe('no');
    expect(first[col('Backup retention')]).toBe('90 days');
    expect(first[col('Created')]).toBe('2026-01-02T03:04:05.000Z');
    expect(second[col('Name')]).toBe(`'@SUM(A1)`);
    expect(second[col('Region')]).toBe('eu-west-1');
    expect(records.every((r) => r.length === header.length)).toBe(true);
  });

  it('writes only the header for no rows', () => {
    expect(parseCsv(toCsv([]))).toHaveLength(1);
  });
});

describe('the health column', () => {
  it('says "Active · Degraded" with the HSM, its AZ and the service’s words, next to the API’s state', () => {
    const degraded = row('eu-west-1', {
      ClusterId: 'cluster-ccccccccccc',
      State: 'ACTIVE',
      Hsms: [hsm('eu-west-1a'), { ...hsm('eu-west-1b', 'DEGRADED', 'hsm-bad'), StateMessage: 'hardware fault' }, hsm('eu-west-1c')],
    });
    const [header, record] = parseCsv(toCsv([degraded])) as [string[], string[]];
    expect(record[header.indexOf('State')]).toBe('ACTIVE');
    expect(record[header.indexOf('State label')]).toBe('Active');
    expect(record[header.indexOf('Health')]).toBe(
      'Active · Degraded: HSM hsm-bad in eu-west-1b is degraded; AWS replaces a failed HSM by itself. Check that the cluster still has enough capacity. AWS says: hardware fault',
    );
    const [json] = JSON.parse(toJson([degraded])) as Record<string, unknown>[];
    expect(json).toMatchObject({
      state: 'ACTIVE',
      health: expect.stringMatching(/^Active · Degraded: HSM hsm-bad in eu-west-1b/),
      needsAttention: true,
    });
  });

  it('judges age at the time given: uninitialized for over a day', () => {
    const created = Date.UTC(2026, 0, 1);
    const young = row('us-east-1', { ClusterId: 'cluster-ddddddddddd', State: 'UNINITIALIZED', CreateTimestamp: new Date(created) });
    expect(JSON.parse(toJson([young], created + 3_600_000))).toMatchObject([{ health: 'Uninitialized', needsAttention: false }]);
    expect(JSON.parse(toJson([young], created + 2 * 86_400_000))).toMatchObject([
      { health: expect.stringMatching(/^Uninitialized · For over a day: /), needsAttention: true },
    ]);
  });
});

describe('toJson', () => {
  it('writes the same records as plain data', () => {
    const data = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      clusterId: 'cluster-aaaaaaaaaaa',
      name: '=HYPERLINK("http://evil")',
      region: 'us-east-1',
      state: 'ACTIVE',
      hsmCount: 1,
      availabilityZones: ['us-east-1a'],
      highAvailabilityWarning: true,
      created: '2026-01-02T03:04:05.000Z',
      tags: { Name: '=HYPERLINK("http://evil")', Environment: 'production' },
    });
  });
});
