import type { Translate } from '../i18n';

/**
 * A document's state in words, agreeing with the document in French ("Avis d'imposition : manquant",
 * "Pièce d'identité : manquante", "Justificatifs de revenus : fournis"); English has one form.
 */
export function documentStateText(t: Translate, type: string, state: string): string {
  const agreement = t(`documents:agreement.${type}`, { defaultValue: '' });
  return t(`documents:status.${state}`, { context: agreement });
}

/** "avis d'imposition, justificatif de domicile": the documents a request lacks, named as the status names them. */
export function documentNames(t: Translate, types: unknown): string {
  return String(types ?? '')
    .split(',')
    .filter(Boolean)
    .map((type) => t(`status:documents.type.${type}`).toLowerCase())
    .join(', ');
}
