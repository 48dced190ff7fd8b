import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** docs/portal-api.yaml, read once, with its OpenAPI 3.0 schemas turned into JSON Schema for ajv. */

export type JsonObject = { [key: string]: unknown };

export interface OpenApiResponse {
  $ref?: string;
  content?: { 'application/json'?: { schema: JsonObject } };
}

export interface OpenApiOperation {
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonObject>; responses: Record<string, OpenApiResponse> };
}

export const CONTRACT_ID = 'portal-api';

export function readContract(): OpenApiDocument {
  return parse(readFileSync(join(__dirname, '..', '..', 'docs', 'portal-api.yaml'), 'utf8')) as OpenApiDocument;
}

/**
 * OpenAPI 3.0 is not quite JSON Schema: `nullable`, boolean `exclusiveMinimum` and `example` are
 * rewritten, and `#/components/schemas/X` refs point into the schema registered as CONTRACT_ID.
 */
/** A response, following a `#/components/responses/X` reference. */
export function resolveResponse(contract: OpenApiDocument, response: OpenApiResponse | undefined): OpenApiResponse | undefined {
  if (!response?.$ref) return response;
  return contract.components.responses[response.$ref.replace('#/components/responses/', '')];
}

export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const source = node as JsonObject;
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') {
      converted.$ref = value.replace('#/components/schemas/', `${CONTRACT_ID}#/definitions/`);
      continue;
    }
    converted[key] = toJsonSchema(value);
  }
  if (source.exclusiveMinimum === true && typeof source.minimum === 'number') {
    converted.exclusiveMinimum = source.minimum;
    delete converted.minimum;
  }
  return source.nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

export function contractValidator(contract: OpenApiDocument): (schema: JsonObject) => ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addSchema({ $id: CONTRACT_ID, definitions: toJsonSchema(contract.components.schemas) });
  const cache = new Map<JsonObject, ValidateFunction>();
  return (schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema) as JsonObject);
      cache.set(schema, validate);
    }
    return validate;
  };
}
