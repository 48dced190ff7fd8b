import { detectAll } from 'tinyld';
import { isReliable } from './detectionReliability';
import type { DetectedLanguage } from './languageService';
import { markerCounts } from './markerWords';

// Languages tinyld may answer among: French, English, and those applicants in France write most besides
// (INSEE, immigrants by country of birth). Narrowing the set keeps it from answering Klingon to SMS French.
const CANDIDATES = ['fr', 'en', 'es', 'pt', 'it', 'de', 'ar', 'tr', 'ro', 'pl', 'ru', 'uk', 'zh', 'vi', 'nl'];
// tinyld's score above which a language other than French or English is believed.
const OTHER_LANGUAGE_ACCURACY = 0.5;
const SURE_OTHER_LANGUAGE = 0.8;

/**
 * French or English when the function words say so (or tinyld does, with no words against it); another
 * language only when tinyld is sure and no French or English word is present.
 */
export function detectLanguageLocally(text: string): DetectedLanguage {
  const markers = markerCounts(text);
  const [top] = detectAll(text, { only: CANDIDATES });
  const leading = markers.fr > markers.en ? 'fr' : markers.en > markers.fr ? 'en' : undefined;
  const margin = Math.abs(markers.fr - markers.en);
  // "hola quiero un piso": one shared word ("un") does not outweigh a detector sure of Spanish.
  if (top && top.lang !== 'fr' && top.lang !== 'en' && top.accuracy >= SURE_OTHER_LANGUAGE && margin <= 1) {
    return { language: 'other', iso6391: top.lang, confidence: top.accuracy, reliable: isReliable(text, top.accuracy) };
  }
  if (leading) {
    // Each word of margin adds confidence; tinyld agreeing adds more.
    const agreement = top?.lang === leading ? 0.15 : 0;
    const confidence = Math.min(0.99, 0.5 + 0.15 * margin + agreement);
    return { language: leading, iso6391: leading, confidence, reliable: isReliable(text, confidence) };
  }
  if (top && (top.lang === 'fr' || top.lang === 'en')) {
    const confidence = Math.min(0.9, top.accuracy);
    return { language: top.lang, iso6391: top.lang, confidence, reliable: isReliable(text, confidence) };
  }
  if (top && top.accuracy >= OTHER_LANGUAGE_ACCURACY && markers.fr === 0 && markers.en === 0) {
    return { language: 'other', iso6391: top.lang, confidence: top.accuracy, reliable: isReliable(text, top.accuracy) };
  }
  return { language: 'unknown', confidence: 0, reliable: false };
}
