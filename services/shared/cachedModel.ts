import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How a model is trained, saved and read back. */
export interface ModelRecipe<M> {
  train(): M;
  toJson(model: M): unknown;
  fromJson(json: unknown): M;
}

/**
 * A model trained from shipped data, cached in `path` under `key` (a hash of everything it was trained
 * on): read back when the key matches, else trained now and written for the next start. A damaged cache
 * is trained again; on a read-only disk the model stays in memory for this process.
 */
export function cachedModel<M>(path: string, key: string, recipe: ModelRecipe<M>): M {
  if (existsSync(path)) {
    try {
      const cached = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; model?: unknown };
      if (cached.key === key && cached.model !== undefined) return recipe.fromJson(cached.model);
    } catch {
      // Trained again below.
    }
  }
  const trained = recipe.train();
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ key, model: recipe.toJson(trained) }));
  } catch {
    // Kept in memory only.
  }
  return trained;
}
