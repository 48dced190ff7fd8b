import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/**
 * A local stand-in for Azure AI Language's text API, answering the REST shapes of
 * `POST {endpoint}/language/:analyze-text?api-version=2023-04-01` as documented by Microsoft (Language
 * service how-to pages and REST reference: LanguageDetectionResults, PiiEntityRecognitionResults,
 * SentimentAnalysisResults; errors as `{error: {code, message, innererror}}`). The real SDK client
 * talks to it over HTTP; nothing in the client is mocked.
 */

export const STUB_KEY = 'stub-language-key';

/** What the next calls get: a normal answer, an HTTP error, silence longer than the client waits. */
export type StubMode = 'ok' | 'unauthorized' | 'serverError' | 'slow' | 'documentError';

export interface RecordedCall {
  path: string;
  apiVersion: string | null;
  subscriptionKey: string | undefined;
  kind: string;
  documents: { id: string; text: string; language?: string; countryHint?: string }[];
  parameters: Record<string, unknown>;
}

// What the SDK must send (REST reference, AnalyzeTextTask): checked, so a malformed request fails the test.
const RequestSchema = z.object({
  kind: z.enum(['LanguageDetection', 'PiiEntityRecognition', 'SentimentAnalysis']),
  analysisInput: z.object({
    documents: z.array(z.object({ id: z.string(), text: z.string(), language: z.string().optional(), countryHint: z.string().optional() })).min(1),
  }),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

export class AzureLanguageStub {
  mode: StubMode = 'ok';
  slowMs = 2_000;
  readonly calls: RecordedCall[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address: AddressInfo | string | null = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the stub is not listening on a TCP port');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stub');
    const raw = await readBody(request);
    if (request.method !== 'POST' || url.pathname !== '/language/:analyze-text') {
      return send(response, 404, { error: { code: '404', message: 'Resource not found' } });
    }
    const parsed = RequestSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return send(response, 400, { error: { code: 'InvalidRequest', message: 'Invalid Request.' } });
    const body = parsed.data;
    const key = request.headers['ocp-apim-subscription-key'];
    this.calls.push({
      path: url.pathname,
      apiVersion: url.searchParams.get('api-version'),
      subscriptionKey: typeof key === 'string' ? key : undefined,
      kind: body.kind,
      documents: body.analysisInput.documents,
      parameters: body.parameters ?? {},
    });

    if (key !== STUB_KEY || this.mode === 'unauthorized') {
      return send(response, 401, {
        error: {
          code: '401',
          message:
            'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        },
      });
    }
    if (this.mode === 'serverError') {
      return send(response, 500, {
        error: {
          code: 'InternalServerError',
          message: 'Internal error has occurred, please try again later.',
          innererror: { code: 'InternalServerError', message: 'Internal error has occurred, please try again later.' },
        },
      });
    }
    if (this.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (url.searchParams.get('api-version') !== '2023-04-01') {
      return send(response, 400, { error: { code: 'InvalidRequest', message: 'Unsupported api-version.' } });
    }
    if (this.mode === 'documentError') {
      return send(response, 200, {
        kind: `${body.kind}Results`,
        results: {
          documents: [],
          errors: body.analysisInput.documents.map((document) => ({
            id: document.id,
            error: { code: 'InvalidArgument', message: 'Invalid document in request.', innererror: { code: 'InvalidDocument', message: 'Document text is empty.' } },
          })),
          modelVersion: '2022-10-01',
        },
      });
    }
    switch (body.kind) {
      case 'LanguageDetection':
        return send(response, 200, { kind: 'LanguageDetectionResults', results: { documents: body.analysisInput.documents.map(detectLanguage), errors: [], modelVersion: '2022-10-01' } });
      case 'PiiEntityRecognition':
        return send(response, 200, { kind: 'PiiEntityRecognitionResults', results: { documents: body.analysisInput.documents.map(recognizePii), errors: [], modelVersion: '2021-01-15' } });
      case 'SentimentAnalysis':
        return send(response, 200, { kind: 'SentimentAnalysisResults', results: { documents: body.analysisInput.documents.map(analyzeSentiment), errors: [], modelVersion: '2022-11-01' } });
    }
  }
}

// The stub's "model": a few fixed rules, enough to give each field a known value to assert on.
function detectLanguage(document: { id: string; text: string }) {
  const text = document.text.toLowerCase();
  const detectedLanguage = /\b(hola|quiero|piso)\b/.test(text)
    ? { name: 'Spanish', iso6391Name: 'es', confidenceScore: 0.99 }
    : /\b(the|my|where|is|please|hello)\b/.test(text)
      ? { name: 'English', iso6391Name: 'en', confidenceScore: 0.98 }
      : /^[^a-z]*$/.test(text)
        ? { name: '(Unknown)', iso6391Name: '(Unknown)', confidenceScore: 0 }
        : { name: 'French', iso6391Name: 'fr', confidenceScore: 0.97 };
  return { id: document.id, detectedLanguage, warnings: [] };
}

const PII_RULES: { category: string; subcategory?: string; regex: RegExp; score: number }[] = [
  { category: 'Email', regex: /[\w.+-]+@[\w-]+\.[\w.]+/g, score: 0.8 },
  { category: 'FRSocialSecurityNumber', regex: /\b[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}\b/g, score: 0.85 },
  { category: 'InternationalBankingAccountNumber', regex: /\bFR\d{2}(?: ?\d{4}){5} ?\d{3}\b/g, score: 0.9 },
  { category: 'PhoneNumber', regex: /\b0[1-9](?: ?\d{2}){4}\b/g, score: 0.8 },
  { category: 'Person', regex: /\bJeanne Martin\b/g, score: 0.98 },
];

function recognizePii(document: { id: string; text: string }) {
  const entities = PII_RULES.flatMap((rule) =>
    [...document.text.matchAll(rule.regex)].map((match) => ({ text: match[0], category: rule.category, offset: match.index, length: match[0].length, confidenceScore: rule.score })),
  ).sort((a, b) => a.offset - b.offset);
  let redactedText = document.text;
  for (const entity of entities) {
    redactedText = redactedText.slice(0, entity.offset) + '*'.repeat(entity.length) + redactedText.slice(entity.offset + entity.length);
  }
  return { redactedText, id: document.id, entities, warnings: [] };
}

function analyzeSentiment(document: { id: string; text: string }) {
  const text = document.text.toLowerCase();
  const [sentiment, confidenceScores] = /(nul|honte|angry|inadmissible)/.test(text)
    ? ['negative', { positive: 0.01, neutral: 0.04, negative: 0.95 }]
    : /(merci|great|super)/.test(text)
      ? ['positive', { positive: 0.93, neutral: 0.06, negative: 0.01 }]
      : ['neutral', { positive: 0.1, neutral: 0.85, negative: 0.05 }];
  return {
    id: document.id,
    sentiment,
    confidenceScores,
    sentences: [{ sentiment, confidenceScores, offset: 0, length: document.text.length, text: document.text }],
    warnings: [],
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), 'apim-request-id': 'stub-request' });
  response.end(json);
}
