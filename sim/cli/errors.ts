/** Bad input from the user (a scenario, an option, a folder): exit code 2, a located message, no stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** `trustsim verify` found an output that a rerun does not reproduce byte for byte: exit code 3. */
export class NotReproducedError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
