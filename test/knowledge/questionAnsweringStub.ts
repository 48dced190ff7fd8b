import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadKnowledge } from '../../services/knowledge/loadKnowledge';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { questionAnsweringProject } from '../../scripts/knowledgeExport';

export const QNA_STUB_KEY = 'qna-stub-key';

export interface QnaCall {
  path: string;
  projectName: string | null;
  deploymentName: string | null;
  apiVersion: string | null;
  key: string | undefined;
  body: { question?: string; top?: number };
}

/**
 * A local stand-in of Azure AI Language's custom question answering runtime
 * (`POST /language/:query-knowledgebases`), serving the projects `npm run knowledge:export` writes: a
 * question asked word for word gets its answer at 0.95; one sharing most words, at 0.5; else nothing.
 * Modes make it fail (500), hang, or refuse the key (401).
 */
export class QuestionAnsweringStub {
  mode: 'ok' | 'error' | 'hang' = 'ok';
  readonly calls: QnaCall[] = [];
  private server?: Server;
  private readonly projects = {
    'alin-assistant-fr': questionAnsweringProject('fr', 'alin-assistant-fr', loadKnowledge('fr')),
    'alin-assistant-en': questionAnsweringProject('en', 'alin-assistant-en', loadKnowledge('en')),
  };

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://stub');
        const body = JSON.parse(raw || '{}') as QnaCall['body'];
        const key = request.headers['ocp-apim-subscription-key'];
        this.calls.push({
          path: url.pathname,
          projectName: url.searchParams.get('projectName'),
          deploymentName: url.searchParams.get('deploymentName'),
          apiVersion: url.searchParams.get('api-version'),
          key: typeof key === 'string' ? key : undefined,
          body,
        });
        if (this.mode === 'hang') return;
        const send = (status: number, payload: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(payload));
        };
        if (this.mode === 'error') return send(500, { error: { code: 'InternalServerError', message: 'stub failure' } });
        if (key !== QNA_STUB_KEY) return send(401, { error: { code: '401', message: 'Access denied due to invalid subscription key.' } });
        const project = this.projects[url.searchParams.get('projectName') as keyof typeof this.projects];
        if (url.pathname !== '/language/:query-knowledgebases' || !project) return send(404, { error: { code: 'ProjectNotFound', message: 'no such project' } });
        send(200, { answers: this.answersTo(project, body.question ?? '', body.top ?? 3) });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answersTo(project: ReturnType<typeof questionAnsweringProject>, question: string, top: number) {
    const asked = normalizeForMatching(question);
    const words = new Set(asked.split(' '));
    return project.assets.qnas
      .map((qna) => {
        const exact = qna.questions.some((text) => normalizeForMatching(text) === asked);
        const shared = Math.max(...qna.questions.map((text) => normalizeForMatching(text).split(' ').filter((word) => words.has(word)).length / Math.max(words.size, 1)));
        return { qna, confidenceScore: exact ? 0.95 : shared >= 0.75 ? 0.5 : 0 };
      })
      .filter((scored) => scored.confidenceScore > 0)
      .sort((a, b) => b.confidenceScore - a.confidenceScore)
      .slice(0, top)
      .map(({ qna, confidenceScore }) => ({ questions: qna.questions, answer: qna.answer, confidenceScore, id: qna.id, source: qna.source, metadata: qna.metadata }));
  }
}
