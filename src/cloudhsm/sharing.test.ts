import { describe, expect, it } from 'vitest';
import {
  addShareAccount,
  checkShareAccount,
  POLICY_MAX_LENGTH,
  readSharePolicy,
  removeShareAccount,
  SHARE_SID,
  sharePolicyDocument,
  sharingBlockedReason,
  type PolicyChange,
} from './sharing';

const ARN = 'arn:aws:cloudhsm:us-east-1:111122223333:backup/backup-abcdefghijk';
const put = (change: PolicyChange): unknown => {
  if (change.kind !== 'put') throw new Error(`expected a put, got ${JSON.stringify(change)}`);
  return JSON.parse(change.policy);
};

describe('sharePolicyDocument', () => {
  it('is one Allow statement for the accounts’ root principals, the sharing actions, on the backup', () => {
    expect(JSON.parse(sharePolicyDocument(ARN, ['444455556666']))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: SHARE_SID,
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: ['cloudhsm:CreateCluster', 'cloudhsm:DescribeBackups'],
          Resource: ARN,
        },
      ],
    });
    const two = JSON.parse(sharePolicyDocument(ARN, ['444455556666', '777788889999'])) as { Statement: { Principal: unknown }[] };
    expect(two.Statement[0]!.Principal).toEqual({ AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::777788889999:root'] });
  });

  it('names principals in the backup’s partition', () => {
    const gov = 'arn:aws-us-gov:cloudhsm:us-gov-west-1:111122223333:backup/backup-abcdefghijk';
    expect(sharePolicyDocument(gov, ['444455556666'])).toContain('arn:aws-us-gov:iam::444455556666:root');
  });
});

describe('readSharePolicy', () => {
  it('reads no policy, an empty document and GetResourcePolicy’s "{}" as shared with nobody', () => {
    for (const none of [null, undefined, '', '  ', '{}']) {
      expect(readSharePolicy(none)).toMatchObject({ kind: 'readable', accounts: [], otherStatements: 0 });
    }
  });

  it('reads the accounts of a document it wrote back', () => {
    expect(readSharePolicy(sharePolicyDocument(ARN, ['444455556666', '777788889999']))).toMatchObject({
      accounts: ['444455556666', '777788889999'],
      otherStatements: 0,
    });
  });

  it('takes a bare account id, a root ARN, a list, one action as a string and a single statement object', () => {
    const policy = JSON.stringify({
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: ['444455556666', 'arn:aws:iam::777788889999:root', '444455556666'] },
        Action: 'cloudhsm:CreateCluster',
        Resource: '*',
      },
    });
    expect(readSharePolicy(policy)).toMatchObject({ kind: 'readable', accounts: ['444455556666', '777788889999'], otherStatements: 0 });
  });

  it('counts statements of another shape as other statements and lists none of their accounts', () => {
    const others = [
      { Effect: 'Deny', Principal: { AWS: '444455556666' }, Action: 'cloudhsm:CreateCluster', Resource: ARN },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/x' }, Action: 'cloudhsm:CreateCluster', Resource: ARN },
      { Effect: 'Allow', Principal: '*', Action: 'cloudhsm:CreateCluster', Resource: ARN },
      { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'cloudhsm:DeleteBackup', Resource: ARN },
      { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: [], Resource: ARN },
      {
        Effect: 'Allow',
        Principal: { AWS: '444455556666' },
        Action: 'cloudhsm:CreateCluster',
        Resource: ARN,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
      },
      'not a statement',
    ];
    const mine = JSON.parse(sharePolicyDocument(ARN, ['777788889999'])) as { Statement: unknown[] };
    expect(readSharePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [...others, ...mine.Statement] }))).toMatchObject({
      kind: 'readable',
      accounts: ['777788889999'],
      otherStatements: others.length,
    });
  });

  it('refuses what it cannot safely rewrite, saying why', () => {
    expect(readSharePolicy('{"Statement": [')).toEqual({ kind: 'unreadable', reason: 'The policy is not valid JSON.' });
    expect(readSharePolicy('[]')).toEqual({ kind: 'unreadable', reason: 'The policy is not a JSON object.' });
    expect(readSharePolicy('"text"')).toEqual({ kind: 'unreadable', reason: 'The policy is not a JSON object.' });
    expect(readSharePolicy('{"Version":"2012-10-17"}')).toEqual({ kind: 'unreadable', reason: 'The policy has no Statement.' });
    expect(readSharePolicy('{"Statement": 3}')).toMatchObject({ kind: 'unreadable' });
  });
});

describe('addShareAccount', () => {
  it('writes the documented document when there is no policy', () => {
    expect(put(addShareAccount(readSharePolicy('{}'), ARN, '444455556666'))).toEqual(
      JSON.parse(sharePolicyDocument(ARN, ['444455556666'])),
    );
  });

  it('adds to our statement and keeps the others as they were', () => {
    const foreign = {
      Sid: 'Theirs',
      Effect: 'Deny',
      Principal: '*',
      Action: 'cloudhsm:*',
      Resource: ARN,
      Condition: { Bool: { x: 'true' } },
    };
    const mine = JSON.parse(sharePolicyDocument(ARN, ['444455556666'])) as { Statement: unknown[] };
    const current = readSharePolicy(JSON.stringify({ Version: '2012-10-17', Id: 'keep-me', Statement: [foreign, ...mine.Statement] }));
    const next = put(addShareAccount(current, ARN, '777788889999'));
    expect(next).toEqual({
      Version: '2012-10-17',
      Id: 'keep-me',
      Statement: [foreign, JSON.parse(sharePolicyDocument(ARN, ['444455556666', '777788889999'])).Statement[0]],
    });
    expect(readSharePolicy(JSON.stringify(next))).toMatchObject({ accounts: ['444455556666', '777788889999'], otherStatements: 1 });
  });

  it('adds a statement of its own beside a sharing statement someone else wrote', () => {
    const theirs = {
      Sid: 'FromCli',
      Effect: 'Allow',
      Principal: { AWS: '444455556666' },
      Action: 'cloudhsm:DescribeBackups',
      Resource: ARN,
    };
    const next = put(addShareAccount(readSharePolicy(JSON.stringify({ Statement: [theirs] })), ARN, '777788889999')) as {
      Statement: unknown[];
    };
    expect(next.Statement[0]).toEqual(theirs);
    expect(readSharePolicy(JSON.stringify(next))).toMatchObject({ accounts: ['444455556666', '777788889999'], otherStatements: 0 });
  });

  it('refuses an account already there, an unreadable policy, and a policy over the size limit', () => {
    const shared = readSharePolicy(sharePolicyDocument(ARN, ['444455556666']));
    expect(addShareAccount(shared, ARN, '444455556666')).toEqual({
      kind: 'refused',
      error: 'The backup is already shared with 444455556666.',
    });
    expect(addShareAccount(readSharePolicy('nope'), ARN, '444455556666')).toMatchObject({ kind: 'refused' });
    const accounts = Array.from({ length: 700 }, (_, i) => String(100000000000 + i));
    const big = readSharePolicy(sharePolicyDocument(ARN, accounts));
    const change = addShareAccount(big, ARN, '999999999999');
    expect(change.kind).toBe('refused');
    expect(change.kind === 'refused' && change.error).toMatch(new RegExp(`at most ${POLICY_MAX_LENGTH}`));
  });
});

describe('removeShareAccount', () => {
  it('rewrites the statement without the account, keeping the others', () => {
    const foreign = { Effect: 'Deny', Principal: '*', Action: 'cloudhsm:DeleteBackup', Resource: ARN };
    const mine = JSON.parse(sharePolicyDocument(ARN, ['444455556666', '777788889999'])) as { Statement: unknown[] };
    const next = put(removeShareAccount(readSharePolicy(JSON.stringify({ Statement: [...mine.Statement, foreign] })), ARN, '444455556666'));
    expect(next).toEqual({ Statement: [JSON.parse(sharePolicyDocument(ARN, ['777788889999'])).Statement[0], foreign] });
  });

  it('drops a statement left without accounts, and asks for DeleteResourcePolicy when nothing is left', () => {
    const foreign = { Effect: 'Deny', Principal: '*', Action: 'cloudhsm:DeleteBackup', Resource: ARN };
    const mine = JSON.parse(sharePolicyDocument(ARN, ['444455556666'])) as { Statement: unknown[] };
    expect(
      put(removeShareAccount(readSharePolicy(JSON.stringify({ Statement: [...mine.Statement, foreign] })), ARN, '444455556666')),
    ).toEqual({
      Statement: [foreign],
    });
    expect(removeShareAccount(readSharePolicy(sharePolicyDocument(ARN, ['444455556666'])), ARN, '444455556666')).toEqual({
      kind: 'delete',
    });
  });

  it('removes the account from every sharing statement that names it', () => {
    const a = { Sid: 'A', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'cloudhsm:DescribeBackups', Resource: ARN };
    const b = {
      Sid: 'B',
      Effect: 'Allow',
      Principal: { AWS: ['444455556666', '777788889999'] },
      Action: 'cloudhsm:CreateCluster',
      Resource: ARN,
    };
    const next = put(removeShareAccount(readSharePolicy(JSON.stringify({ Statement: [a, b] })), ARN, '444455556666'));
    expect(next).toEqual({ Statement: [{ ...b, Principal: { AWS: 'arn:aws:iam::777788889999:root' } }] });
  });

  it('refuses an account it is not shared with, and an unreadable policy', () => {
    expect(removeShareAccount(readSharePolicy('{}'), ARN, '444455556666')).toEqual({
      kind: 'refused',
      error: 'The backup is not shared with 444455556666.',
    });
    expect(removeShareAccount(readSharePolicy('{"Statement":'), ARN, '444455556666')).toMatchObject({ kind: 'refused' });
  });
});

describe('checkShareAccount', () => {
  const context = { owner: '111122223333', sharedWith: ['777788889999'] };
  it('takes 12 digits, written with spaces or hyphens as the console shows them', () => {
    expect(checkShareAccount(' 444455556666 ', context)).toEqual({ ok: true, account: '444455556666' });
    expect(checkShareAccount('4444-5555-6666', context)).toEqual({ ok: true, account: '444455556666' });
  });
  it('says what is wrong with anything else', () => {
    expect(checkShareAccount('', context)).toEqual({ ok: false, error: 'Enter the 12-digit ID of the AWS account to share with.' });
    expect(checkShareAccount('12345', context)).toMatchObject({ ok: false, error: expect.stringContaining('12 digits') });
    expect(checkShareAccount('44445555666x', context)).toMatchObject({
      ok: false,
      error: expect.stringContaining('“44445555666x” is not'),
    });
    expect(checkShareAccount('arn:aws:iam::444455556666:root', context)).toMatchObject({ ok: false });
    expect(checkShareAccount('111122223333', context)).toMatchObject({ ok: false, error: expect.stringContaining('own account') });
    expect(checkShareAccount('777788889999', context)).toMatchObject({ ok: false, error: expect.stringContaining('already shared') });
  });
});

describe('sharingBlockedReason', () => {
  it('allows a READY backup of the shown account (or of an unknown account)', () => {
    expect(sharingBlockedReason({ BackupState: 'READY', BackupArn: ARN }, '111122223333')).toBeNull();
    expect(sharingBlockedReason({ BackupState: 'READY', BackupArn: ARN }, undefined)).toBeNull();
  });
  it('says why not for another account’s backup and for a backup that is not READY', () => {
    expect(sharingBlockedReason({ BackupState: 'READY', BackupArn: ARN }, '444455556666')).toBe(
      'This backup belongs to account 111122223333; only its owner can share it.',
    );
    expect(sharingBlockedReason({ BackupState: 'PENDING_DELETION', BackupArn: ARN }, '111122223333')).toBe(
      'Only a READY backup can be shared; this one is PENDING_DELETION.',
    );
  });
});
