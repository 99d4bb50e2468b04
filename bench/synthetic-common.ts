/**
 * The shared `common.yaml` of a synthetic corpus: the security scheme, the one error body and the standard
 * error responses, referred to from every synthetic service spec as `./common.yaml#/components/...`.
 */
export function syntheticCommon(): Record<string, unknown> {
  const error = (description: string, message: string, code: string) => ({
    description,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        example: { error: message, code },
      },
    },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'synthetic common components', version: '1.0.0' },
    paths: {},
    components: {
      securitySchemes: {
        InternalAuth: { type: 'apiKey', in: 'header', name: 'X-Internal-Auth' },
      },
      schemas: {
        Error: {
          type: 'object',
          additionalProperties: false,
          required: ['error'],
          properties: {
            error: { type: 'string', maxLength: 500 },
            code: { type: 'string', maxLength: 64, pattern: '^[A-Z_]+$' },
          },
        },
      },
      responses: {
        BadRequest: error('The request does not match the contract.', 'Invalid request', 'BAD_REQUEST'),
        Unauthorized: error('Missing or invalid credentials.', 'Unauthorized', 'UNAUTHORIZED'),
        NotFound: error('The resource does not exist.', 'Not found', 'NOT_FOUND'),
      },
    },
  };
}
