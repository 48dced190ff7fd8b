/**
 * The small part of nlp.js (AXA, MIT, JavaScript without typings) the recognizer uses: a container with
 * the French and English tokenizers and stemmers, and the neural intent classifier. Only what is called
 * is declared, with the shapes nlp.js 4.x returns.
 */
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
    /** Settings of a component by tag (`domain-manager-fr`: the classes and settings of its classifiers). */
    registerConfiguration(tag: string, configuration: unknown, overwrite?: boolean): void;
  }
  export function containerBootstrap(): NlpContainer;
}

declare module '@nlpjs/nlp' {
  import type { NlpContainer } from '@nlpjs/core';

  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NlpClassifyResult {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }

  export interface NlpSettings {
    container: NlpContainer;
    languages: string[];
    autoSave: boolean;
    autoLoad: boolean;
    nlu?: { log?: boolean; useNoneFeature?: boolean; spellCheck?: boolean; spellCheckDistance?: number };
  }

  export class Nlp {
    constructor(settings: NlpSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string): void;
    classify(locale: string, utterance: string): Promise<NlpClassifyResult>;
  }
}

declare module '@nlpjs/lang-fr' {
  export class LangFr {}
  /** Snowball's French stemmer (also used by the knowledge base's search). */
  export class StemmerFr {
    stemWord(word: string): string;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class LangEn {}
  export class StemmerEn {
    stemWord(word: string): string;
  }
}

/** The one-vs-rest neural classifier of nlp.js, used alone by the urgent-situation classifier (services/triage). */
declare module '@nlpjs/neural' {
  export class NeuralNetwork {
    constructor(settings?: { iterations?: number; errorThresh?: number; deltaErrorThresh?: number; learningRate?: number; momentum?: number; alpha?: number; log?: boolean });
    train(corpus: { input: Record<string, number>; output: Record<string, number> }[]): unknown;
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
}
