/**
 * STS in the AWS Query protocol, the one service besides CloudHSM the emulator answers: a form-encoded POST
 * (`Action=GetCallerIdentity&Version=2011-06-15`, as the AWS CLI, boto3 and the JS SDK send it) and XML
 * answers. GetCallerIdentity and AssumeRole are answered; every other action is refused in STS's error shape.
 * Isomorphic (URLSearchParams and strings only); the HTTP side is in node/sts.ts.
 */
import { clip } from '../../cloudhsm/clip';
import type { EmulatorError } from '../errors';
import type { CallerIdentity } from './identity';
import { assumeRoleXml, readAssumeRole, type AssumeRoleRequest } from './assumeRole';
import type { AssumedRole } from './principals';
import { escapeXml, StsError, STS_VERSION, STS_XMLNS } from './xml';

export { StsError } from './xml';

export { STS_VERSION, STS_XMLNS } from './xml';
/** The SigV4 signing name of STS (botocore's `sts` model: endpointPrefix and signing name). */
export const STS_SIGNING_SERVICE = 'sts';
/** STS allows 15 minutes of clock skew ("... (20220127T015928Z - 15 min.)", aws/aws-cli#6676). */
export const STS_MAX_SKEW_MINUTES = 15;
export const XML_CONTENT_TYPE = 'text/xml';

/** Actions of STS (botocore 1.43.11's model) the emulator knows of but does not answer. */
const OTHER_STS_ACTIONS = new Set([
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
]);

/** The answer to GetCallerIdentity, element for element as the STS API reference's sample response. */
export function callerIdentityXml(identity: CallerIdentity, requestId: string): string {
  return (
    `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">\n` +
    '  <GetCallerIdentityResult>\n' +
    `    <Arn>${escapeXml(identity.Arn)}</Arn>\n` +
    `    <UserId>${escapeXml(identity.UserId)}</UserId>\n` +
    `    <Account>${escapeXml(identity.Account)}</Account>\n` +
    '  </GetCallerIdentityResult>\n' +
    '  <ResponseMetadata>\n' +
    `    <RequestId>${escapeXml(requestId)}</RequestId>\n` +
    '  </ResponseMetadata>\n' +
    '</GetCallerIdentityResponse>\n'
  );
}

/** The Query protocol's error body: `Sender` for the caller's faults (4xx), `Receiver` for the service's. */
export function stsErrorXml(error: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_XMLNS}">\n` +
    '  <Error>\n' +
    `    <Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>\n` +
    `    <Code>${escapeXml(error.code)}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n` +
    '  </Error>\n' +
    `  <RequestId>${escapeXml(requestId)}</RequestId>\n` +
    '</ErrorResponse>\n'
  );
}

/** What an STS request may do besides naming its caller: AssumeRole issues credentials (sts/principals.ts). */
export interface StsContext {
  identity: CallerIdentity;
  assumeRole: (request: AssumeRoleRequest) => AssumedRole;
}

/**
 * The answer to a form-encoded STS request body, or an StsError: MissingAction without an Action,
 * InvalidAction for an action that is not GetCallerIdentity or AssumeRole, InvalidParameterValue for another
 * API version, AssumeRole's ValidationError. Codes and statuses from the STS API reference's Common Errors.
 */
export function answerStsQuery(body: string, context: StsContext, requestId: string): string {
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (!action) throw new StsError('MissingAction', 400, 'The request must contain the parameter Action.');
  if (action !== 'GetCallerIdentity' && action !== 'AssumeRole') {
    throw new StsError(
      'InvalidAction',
      400,
      OTHER_STS_ACTIONS.has(action)
        ? `${action} is not answered by this emulator: of STS it answers GetCallerIdentity and AssumeRole only.`
        : `Could not find operation ${clip(action)} for version ${STS_VERSION}.`,
    );
  }
  const version = form.get('Version');
  if (version !== STS_VERSION) {
    throw new StsError(
      version === null ? 'MissingParameter' : 'InvalidParameterValue',
      400,
      version === null
        ? 'The request must contain the parameter Version.'
        : `Version ${clip(version)} is not a version of STS; use ${STS_VERSION}.`,
    );
  }
  if (action === 'AssumeRole') return assumeRoleXml(context.assumeRole(readAssumeRole(form)), requestId);
  return callerIdentityXml(context.identity, requestId);
}

/**
 * A signature refusal of the verifier (sigv4.ts, which speaks JSON 1.1's names) in STS's names and statuses:
 * STS answers `InvalidClientTokenId` for an unknown key and `SignatureDoesNotMatch` for a wrong signature or
 * an expired one (aws/aws-cli#6676), `MissingAuthenticationToken` (403) and `IncompleteSignature` (400).
 */
export function stsSignatureError(error: EmulatorError): StsError {
  switch (error.type) {
    case 'MissingAuthenticationTokenException':
      return new StsError('MissingAuthenticationToken', 403, error.message);
    case 'IncompleteSignatureException':
      return new StsError('IncompleteSignature', 400, error.message);
    case 'UnrecognizedClientException':
      return new StsError('InvalidClientTokenId', 403, error.message);
    case 'InvalidSignatureException':
      return new StsError('SignatureDoesNotMatch', 403, error.message);
    case 'ExpiredTokenException':
      return new StsError('ExpiredToken', 403, error.message);
    default:
      return new StsError('InternalFailure', 500, 'The request processing has failed because of an unknown error.');
  }
}
