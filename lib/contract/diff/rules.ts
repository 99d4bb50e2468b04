import type { Severity } from './change.js';

/**
 * Why each rule that is not a schema comparison has its severity, by rule id (a change's `kind`). Schema
 * rules (`request-body-…`, `parameter-…`, `response-…`, `response-header-…`) explain themselves from the
 * way they move the accepted values (findings.ts).
 */
const REASONS: Record<string, string> = {
  'service-removed': 'every consumer of the service loses it',
  'service-added': 'nothing existing changes',
  'path-removed': 'callers of the path get 404',
  'operation-removed': 'callers of the operation get 404 or 405',
  'webhook-removed': 'subscribers no longer receive the webhook',
  'operation-added': 'nothing existing changes',
  'webhook-added': 'nothing existing changes',
  'operation-id-changed': 'the wire is unchanged; only generated method names move',
  'operation-deprecated': 'it still works; callers are told to move',
  'security-added': 'callers without credentials are now refused',
  'security-changed': 'callers holding the old credentials are now refused',
  'security-scheme-changed': 'callers send credentials the provider no longer reads',
  'security-removed': 'every caller is still accepted',
  'security-alternative-added': 'every caller is still accepted',
  'parameter-added-required': 'callers that do not send it are refused',
  'parameter-made-required': 'callers that do not send it are refused',
  'parameter-serialization-changed': 'callers serialize the value in a way the provider no longer reads',
  'parameter-added-optional': 'callers may leave it out',
  'parameter-made-optional': 'callers may leave it out',
  'path-parameter-renamed': 'the name is not on the wire',
  'request-body-added-required': 'callers that send no body are refused',
  'request-body-made-required': 'callers that send no body are refused',
  'request-body-added-optional': 'callers may leave it out',
  'request-body-made-optional': 'callers may leave it out',
  'request-body-removed': 'callers that send a body are not refused for it',
  'request-media-type-removed': 'callers sending that media type are refused',
  'request-media-type-added': 'callers may keep sending what they sent',
  'success-status-removed': 'generated clients treat the new success response as invalid',
  'success-status-changed': 'generated clients treat the new success status as invalid',
  'success-status-added': 'generated clients treat an undocumented success status as invalid',
  'error-status-added': 'an older client still sees an error',
  'error-status-removed': 'an older client still sees an error',
  'response-media-type-removed': 'consumers asking for that media type no longer get it',
  'response-media-type-added': 'consumers keep asking for what they read',
  'response-header-removed': 'consumers reading the required header no longer get it',
  'response-header-made-optional': 'consumers reading the required header may no longer get it',
  'response-optional-header-removed': 'consumers must already cope without it, but may rely on it',
  'response-header-added': 'consumers ignore headers they do not read',
};

const FALLBACK: Record<Severity, string> = {
  breaking: 'some consumer stops working',
  warning: 'some consumer may stop working',
  info: 'no consumer is affected',
};

/** The one-line reason for a rule's severity. */
export function reasonOf(kind: string, severity: Severity): string {
  return REASONS[kind] ?? FALLBACK[severity];
}
