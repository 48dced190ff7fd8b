import type { PromptValidatorContext } from 'botbuilder-dialogs';
import { PatientTextPrompt } from './patientTextPrompt';
import { translatorOf } from '../turn/turnAccess';
import { extractEntities } from '../recognizer/entities/extractEntities';

/** A postal code typed that no commune has ("75099", "vers 99999"); undefined when none. */
export function unknownPostalCodeIn(text: string): string | undefined {
  const places = extractEntities(text, new Date()).entities.places ?? [];
  const unknown = places.find((place) => place.kind === 'commune' && place.candidates.length === 0 && place.postalCode);
  return unknown?.kind === 'commune' ? unknown.postalCode : undefined;
}

/**
 * "Where?" — a text prompt whose retry names a postal code no commune has, instead of a generic "I do not
 * recognise this place". `retryKey` is the generic retry, `unknownKey` the one naming {{postalCode}}.
 */
export class PlacePrompt extends PatientTextPrompt {
  constructor(id: string, recognisesPlace: (text: string) => boolean, retryKey: string, unknownKey: string) {
    super(id, async (prompt: PromptValidatorContext<string>) => {
      const text = prompt.recognized.value ?? '';
      if (recognisesPlace(text)) return true;
      const t = translatorOf(prompt.context);
      const postalCode = unknownPostalCodeIn(text);
      prompt.options.retryPrompt = postalCode ? t(unknownKey, { postalCode }) : t(retryKey);
      return false;
    }, 'answers.placeHelp');
  }
}
