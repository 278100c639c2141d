/** Error types the emulator can raise, with the HTTP status the real service uses for each. */
export const ERROR_STATUS = {
  CloudHsmAccessDeniedException: 400,
  CloudHsmInternalFailureException: 500,
  CloudHsmInvalidRequestException: 400,
  CloudHsmResourceLimitExceededException: 400,
  CloudHsmResourceNotFoundException: 400,
  CloudHsmServiceException: 400,
  CloudHsmTagException: 400,
  // Common AWS protocol errors (not in the CloudHSM model, shared by every JSON 1.1 service).
  UnknownOperationException: 400,
  SerializationException: 400,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
  /** A session token past its expiry (403, the Common Errors pages' status; docs/emulator-decisions.md). */
  ExpiredTokenException: 403,
} as const;

export type EmulatorErrorType = keyof typeof ERROR_STATUS;

export class EmulatorError extends Error {
  readonly type: EmulatorErrorType;
  constructor(type: EmulatorErrorType, message: string) {
    super(message);
    this.name = type;
    this.type = type;
  }
  get status(): number {
    return ERROR_STATUS[this.type];
  }
}

export const invalidRequest = (message: string): EmulatorError => new EmulatorError('CloudHsmInvalidRequestException', message);
export const notFound = (message: string): EmulatorError => new EmulatorError('CloudHsmResourceNotFoundException', message);
