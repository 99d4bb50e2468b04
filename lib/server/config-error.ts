/** A configuration problem that must stop a service from starting, with a message saying what to set. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
