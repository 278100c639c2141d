/**
 * GetResourcePolicy, PutResourcePolicy and DeleteResourcePolicy (model 2024-06) as SDK commands for the
 * 3.332 client, built the way the generated commands are: a smithy `Command` subclass with the serde and
 * endpoint plugins, so they go through the client's own stack (endpoint, signing, retries, logging,
 * request handler) like every other call. Errors come back as the SDK's exception classes.
 */
import * as CloudHsmSdk from '@aws-sdk/client-cloudhsm-v2';
import {
  CloudHSMV2ServiceException,
  type CloudHSMV2Client,
  type CloudHSMV2ClientResolvedConfig,
  type ListTagsCommand,
} from '@aws-sdk/client-cloudhsm-v2';
import { getEndpointPlugin } from '@aws-sdk/middleware-endpoint';
import { getSerdePlugin } from '@aws-sdk/middleware-serde';
import { HttpRequest } from '@aws-sdk/protocol-http';
import { Command, decorateServiceException, throwDefaultError } from '@aws-sdk/smithy-client';
import type { HttpHandlerOptions, MetadataBearer, ResponseMetadata } from '@smithy/types';
import { JSON_CONTENT_TYPE, TARGET_PREFIX } from '../../cloudhsm/protocol';

export interface GetResourcePolicyInput {
  /** The ARN of the resource (in practice a backup). */
  ResourceArn: string;
}
export interface GetResourcePolicyOutput extends MetadataBearer {
  /** The policy document (JSON text); absent when the resource has none. */
  Policy?: string;
}
export interface PutResourcePolicyInput {
  ResourceArn: string;
  /** A JSON policy document, 1–20000 characters. */
  Policy: string;
}
export interface PutResourcePolicyOutput extends MetadataBearer {
  ResourceArn?: string;
  Policy?: string;
}
export interface DeleteResourcePolicyInput {
  ResourceArn: string;
}
export interface DeleteResourcePolicyOutput extends MetadataBearer {
  ResourceArn?: string;
  /** The policy that was removed. */
  Policy?: string;
}

/** What the serde plugin hands a serializer/deserializer (the client's resolved config). */
interface SerdeContext {
  endpoint: () => Promise<{ hostname: string; protocol?: string; port?: number; path: string }>;
  streamCollector: (body: unknown) => Promise<Uint8Array>;
}
interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body?: unknown;
}

async function serializeJson11(operation: string, input: object, context: SerdeContext): Promise<HttpRequest> {
  const { hostname, protocol = 'https', port, path: basePath } = await context.endpoint();
  return new HttpRequest({
    protocol,
    hostname,
    port,
    method: 'POST',
    path: basePath.endsWith('/') ? basePath : `${basePath}/`,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amz-target': `${TARGET_PREFIX}${operation}` },
    body: JSON.stringify(input),
  });
}

async function readJson(response: RawResponse, context: SerdeContext): Promise<Record<string, unknown>> {
  const body = response.body;
  const bytes = body instanceof Uint8Array ? body : body == null ? new Uint8Array() : await context.streamCollector(body);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

const metadataOf = (response: RawResponse): ResponseMetadata => ({
  httpStatusCode: response.statusCode,
  requestId: response.headers['x-amzn-requestid'] ?? response.headers['x-amzn-request-id'] ?? response.headers['x-amz-request-id'],
  extendedRequestId: response.headers['x-amz-id-2'],
  cfId: response.headers['x-amz-cf-id'],
});

/** `aws.protocols#awsJson1_1` error code: x-amzn-errortype header, else `code`, else `__type`, sanitized. */
export function errorCodeOf(headers: Record<string, string | undefined>, body: Record<string, unknown>): string | undefined {
  const headerKey = Object.keys(headers).find((k) => k.toLowerCase() === 'x-amzn-errortype');
  const raw = (headerKey ? headers[headerKey] : undefined) ?? body['code'] ?? body['__type'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  let code = String(raw);
  code = code.split(',')[0]!.split(':')[0]!;
  return code.includes('#') ? code.split('#')[1] : code;
}

type ModeledExceptionClass = new (opts: { $metadata: ResponseMetadata; message: string }) => CloudHSMV2ServiceException;

/** The model's exceptions (a code the service sends names one of them, or none). */
const MODELED_EXCEPTIONS: readonly ModeledExceptionClass[] = [
  CloudHsmSdk.CloudHsmAccessDeniedException,
  CloudHsmSdk.CloudHsmInternalFailureException,
  CloudHsmSdk.CloudHsmInvalidRequestException,
  CloudHsmSdk.CloudHsmResourceNotFoundException,
  CloudHsmSdk.CloudHsmServiceException,
  CloudHsmSdk.CloudHsmTagException,
];

/**
 * The modeled exception for an error code, if there is one. Each SDK exception sets its `name` to its code;
 * it is read from instances, since class names do not survive minification (and only when an error comes,
 * so loading this module has no side effect and bundles that never send these commands drop it).
 */
function modeledException(code: string, $metadata: ResponseMetadata, message: string): CloudHSMV2ServiceException | undefined {
  return MODELED_EXCEPTIONS.map((Modeled) => new Modeled({ $metadata, message })).find((exception) => exception.name === code);
}

async function throwServiceError(response: RawResponse, context: SerdeContext): Promise<never> {
  let body: Record<string, unknown> = {};
  try {
    body = await readJson(response, context);
  } catch {
    // an unreadable error body: fall through to the default error with the status code
  }
  const message = typeof body['message'] === 'string' ? body['message'] : typeof body['Message'] === 'string' ? body['Message'] : undefined;
  body['message'] = message;
  const code = errorCodeOf(response.headers, body);
  const modeled = code === undefined ? undefined : modeledException(code, metadataOf(response), message ?? code);
  if (modeled) throw decorateServiceException(modeled, body);
  return throwDefaultError({ output: response, parsedBody: body, exceptionCtor: CloudHSMV2ServiceException, errorCode: code }) as never;
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

async function deserializePolicyOutput(response: RawResponse, context: SerdeContext): Promise<PutResourcePolicyOutput> {
  if (response.statusCode >= 300) return throwServiceError(response, context);
  const body = await readJson(response, context);
  const output: PutResourcePolicyOutput = { $metadata: metadataOf(response) };
  const arn = optionalString(body['ResourceArn']);
  const policy = optionalString(body['Policy']);
  if (arn !== undefined) output.ResourceArn = arn;
  if (policy !== undefined) output.Policy = policy;
  return output;
}

const ENDPOINT_INSTRUCTIONS = {
  UseFIPS: { type: 'builtInParams', name: 'useFipsEndpoint' },
  Endpoint: { type: 'builtInParams', name: 'endpoint' },
  Region: { type: 'builtInParams', name: 'region' },
  UseDualStack: { type: 'builtInParams', name: 'useDualstackEndpoint' },
} as const;

/** The client stack a command resolves against, as the generated commands type it. */
type ClientStack = Parameters<ListTagsCommand['resolveMiddleware']>[0];

/** The shared body of the three commands (a generated command, with our serializer and deserializer). */
abstract class ResourcePolicyCommand<Input extends object, Output extends MetadataBearer> extends Command<
  Input,
  Output,
  CloudHSMV2ClientResolvedConfig
> {
  abstract readonly operation: 'GetResourcePolicy' | 'PutResourcePolicy' | 'DeleteResourcePolicy';

  constructor(readonly input: Input) {
    super();
  }

  resolveMiddleware(clientStack: ClientStack, configuration: CloudHSMV2ClientResolvedConfig, options?: HttpHandlerOptions) {
    const operation = this.operation;
    this.middlewareStack.use(
      getSerdePlugin<Input, SerdeContext, Output>(
        configuration,
        (input: Input, context: SerdeContext) => serializeJson11(operation, input, context),
        (response: RawResponse, context: SerdeContext) => deserializePolicyOutput(response, context) as Promise<Output>,
      ),
    );
    this.middlewareStack.use(getEndpointPlugin(configuration, ENDPOINT_INSTRUCTIONS));
    const stack = clientStack.concat(this.middlewareStack);
    const handlerExecutionContext = {
      logger: configuration.logger,
      clientName: 'CloudHSMV2Client',
      commandName: `${operation}Command`,
      inputFilterSensitiveLog: (input: unknown) => input,
      outputFilterSensitiveLog: (output: unknown) => output,
    };
    const { requestHandler } = configuration;
    return stack.resolve((request) => requestHandler.handle(request.request as HttpRequest, options ?? {}), handlerExecutionContext);
  }
}

export class GetResourcePolicyCommand extends ResourcePolicyCommand<GetResourcePolicyInput, GetResourcePolicyOutput> {
  readonly operation = 'GetResourcePolicy';
}
export class PutResourcePolicyCommand extends ResourcePolicyCommand<PutResourcePolicyInput, PutResourcePolicyOutput> {
  readonly operation = 'PutResourcePolicy';
}
export class DeleteResourcePolicyCommand extends ResourcePolicyCommand<DeleteResourcePolicyInput, DeleteResourcePolicyOutput> {
  readonly operation = 'DeleteResourcePolicy';
}

/**
 * Sends one of the commands above through a client. `client.send` works at runtime like for any generated
 * command; only 3.332's typing limits `send` to the operations it knows (its input union), so the cast
 * lives here, once.
 */
export function sendResourcePolicyCommand<Input extends object, Output extends MetadataBearer>(
  client: CloudHSMV2Client,
  command: ResourcePolicyCommand<Input, Output>,
  options?: HttpHandlerOptions,
): Promise<Output> {
  const send = client.send.bind(client) as unknown as (
    command: ResourcePolicyCommand<Input, Output>,
    options?: HttpHandlerOptions,
  ) => Promise<Output>;
  return send(command, options);
}
