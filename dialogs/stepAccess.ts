import type { z } from 'zod';

/**
 * The SDK types a waterfall's values and a prompt's validations as plain `object`: a dialog reads them
 * here, with the type it declares for them, instead of casting at every step.
 */

/** The values a waterfall keeps across its steps, as the dialog that fills them declares them. */
export function valuesOf<T extends object>(step: { values: object }): T {
  return step.values as T;
}

/** What a prompt was handed to validate with, checked against its schema (it comes back from storage). */
export function validationsOf<S extends z.ZodTypeAny>(prompt: { options: { validations?: object } }, schema: S): z.infer<S> {
  return schema.parse(prompt.options.validations);
}

/** The value of the choice a choice prompt ended with, or undefined (the SDK types a step's result as `any`). */
export function chosenValue(result: unknown): string | undefined {
  const value = typeof result === 'object' && result !== null ? (result as { value?: unknown }).value : undefined;
  return typeof value === 'string' ? value : undefined;
}
