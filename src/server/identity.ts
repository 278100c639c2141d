/**
 * Who the dashboard's calls run as, read from the caller's ARN (STS GetCallerIdentity): the name a person
 * knows the principal by, which the header shows, with the full ARN kept for its tooltip.
 */
import type { SessionIdentity } from '../cloudhsm/api';

const ARN = /^arn:[\w-]+:(?:iam|sts)::\d{12}:(.+)$/;
/** An IAM role ARN: partition, 12-digit account, optional path, name of 1–64 of [\w+=,.@-]. */
const ROLE_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

/** The partition, account and name of an IAM role ARN (--assume-role), or null when the text is not one. */
export function roleParts(arn: string): { partition: string; account: string; name: string } | null {
  const match = ROLE_ARN.exec(arn);
  return match ? { partition: match[1]!, account: match[2]!, name: match[3]! } : null;
}

/**
 * `user/name` or `user/path/name` → the user name; `assumed-role/Role/session` → the role (and its session);
 * `root` → root; `federated-user/name` → that name; anything else → its last part.
 */
export function identityOf(arn: string): SessionIdentity {
  const resource = ARN.exec(arn)?.[1] ?? arn;
  const parts = resource.split('/');
  const last = parts[parts.length - 1] || resource;
  switch (parts[0]) {
    case 'user':
      return { arn, kind: 'user', principal: last };
    case 'assumed-role':
      return parts.length >= 3
        ? { arn, kind: 'role', principal: parts[1]!, session: parts.slice(2).join('/') }
        : { arn, kind: 'role', principal: last };
    case 'federated-user':
      return { arn, kind: 'federated-user', principal: last };
    case 'root':
      return { arn, kind: 'root', principal: 'root' };
    default:
      return { arn, kind: 'other', principal: last };
  }
}
