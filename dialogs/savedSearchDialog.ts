import { randomUUID } from 'node:crypto';
import { MessageFactory, TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { MAX_SAVED_SEARCHES_PER_USER, type SavedSearchStore } from '../services/offers/savedSearches';
import { refine, type SearchCriteria } from '../services/offers/searchCriteria';
import { alertsCard } from './cards/alertsCard';
import { criteriaFromRecognition } from './offers/criteriaFromRecognition';
import { describeCriteria } from './offers/describeCriteria';
import { readEntities } from './recognizer/entities/schemas';
import type { Recognition } from './recognizer/intents';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';

const STEPS = 'savedSearch.steps';

const AlertButtonSchema = z.object({ action: z.enum(['save', 'delete', 'list']), searchId: z.string().max(60).optional() });

/** "Préviens-moi s'il y a un T3 à Lyon": watch a search; "mes alertes": list them; delete one. */
export class SavedSearchDialog extends ComponentDialog {
  constructor(private readonly store: SavedSearchStore) {
    super('savedSearchDialog');
    this.addDialog(new WaterfallDialog(STEPS, [this.actStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async actStep(step: WaterfallStepContext<Recognition>) {
    const context = step.context;
    const button = AlertButtonSchema.safeParse(step.options.entities);
    const { userKey, conversation } = turnStateOf(context);
    if (button.success && button.data.action === 'delete' && button.data.searchId) {
      await this.deleteSearch(context, userKey, button.data.searchId);
      return step.endDialog();
    }
    const said = criteriaFromRecognition(readEntities(step.options.entities), step.options.text);
    const named = Object.values(said.criteria).some((value) => value !== undefined) || said.place.kind === 'place';
    const asksToWatch = (button.success && button.data.action === 'save') || named || /\b(previens|prevenir|alerte[sz]? moi|surveille|notify|tell me|let me know|alert me)\b/.test(normalizeForMatching(step.options.text));
    if (!asksToWatch) {
      await this.list(context, userKey);
      return step.endDialog();
    }
    // "Préviens-moi pour cette recherche": the search just made; otherwise what the sentence names.
    let criteria: SearchCriteria = named ? refine({}, said.criteria) : (conversation.lastSearch?.criteria ?? {});
    if (said.place.kind === 'place') criteria = { ...criteria, place: said.place.place };
    await this.watch(context, userKey, criteria);
    return step.endDialog();
  }

  private async watch(context: TurnContext, userKey: string, criteria: SearchCriteria): Promise<void> {
    const t = translatorOf(context);
    if (!criteria.place) return void (await context.sendActivity(t('alerts:needCriteria')));
    if ((await this.store.listForUser(userKey)).length >= MAX_SAVED_SEARCHES_PER_USER) {
      return void (await context.sendActivity(t('alerts:tooMany', { max: MAX_SAVED_SEARCHES_PER_USER })));
    }
    const language = languageOf(context);
    const label = describeCriteria(t, language, criteria);
    const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(context.activity);
    const now = new Date().toISOString();
    await this.store.save({ id: randomUUID(), userKey, criteria, label, language, reference, createdAt: now, checkedSince: now });
    await context.sendActivity(t('alerts:saved', { label }));
  }

  private async list(context: TurnContext, userKey: string): Promise<void> {
    const t = translatorOf(context);
    const searches = await this.store.listForUser(userKey);
    await context.sendActivity(searches.length === 0 ? MessageFactory.text(t('alerts:list.none')) : MessageFactory.attachment(alertsCard(t, searches)));
  }

  private async deleteSearch(context: TurnContext, userKey: string, searchId: string): Promise<void> {
    const t = translatorOf(context);
    const search = (await this.store.listForUser(userKey)).find((candidate) => candidate.id === searchId);
    const deleted = search ? await this.store.delete(userKey, searchId) : false;
    await context.sendActivity(deleted && search ? t('alerts:deleted', { label: search.label }) : t('alerts:notFound'));
  }
}
