import type { Logger, Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaPattern } from './schema-pattern.js';

/**
 * One Ajv 2020 (the OpenAPI 3.1 dialect) with ajv-formats (full mode) as a Switchboard server validates: no
 * coercion for bodies and responses, `'array'` for path, query, header and cookie values, unknown properties
 * kept, patterns compiled by `schemaPattern`. `overrides` are Ajv options that change none of that (such as
 * `logger` or `useDefaults`); default none.
 */
export function createAjv(coerceTypes: false | 'array', overrides: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    ...overrides,
    code: { ...overrides.code, regExp: schemaPattern },
    allErrors: false,
    strict: false,
    removeAdditional: false,
    coerceTypes,
  });
  addFormats.default(ajv);
  return ajv;
}

/**
 * An Ajv logger that hands `onFormat` the name of each unknown format Ajv reports (it reports one once per
 * schema naming it: hundreds of lines for Discord's spec) and drops its other messages, of which it has none
 * that change validation with `strict: false`.
 */
export function unknownFormatLogger(onFormat: (format: string) => void): Logger {
  const noted = (message: unknown) => {
    const format = /^unknown format "([^"]+)"/.exec(String(message))?.[1];
    if (format !== undefined) onFormat(format);
  };
  return { log: noted, warn: noted, error: noted };
}

const warnedFormats = new Set<string>();

/** The server's Ajv logger: one process warning (`SWITCHBOARD_UNKNOWN_FORMAT`) per unknown format. */
export const formatWarningLogger = unknownFormatLogger((format) => {
  if (warnedFormats.has(format)) return;
  warnedFormats.add(format);
  process.emitWarning(`format "${format}" is unknown to the validator: its values are not checked`, {
    code: 'SWITCHBOARD_UNKNOWN_FORMAT',
  });
});
