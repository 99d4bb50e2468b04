/**
 * Verification cannot start: the spec is unreadable or invalid, the options are wrong, or the provider
 * cannot be reached at all. `problems` lists each reason on its own line. The CLI exits 2 on it.
 */
export class VerifyInputError extends Error {
  override readonly name = 'VerifyInputError';

  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}
