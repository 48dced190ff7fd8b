import { FormBot, play } from '../support/formTestClient';
import { DOCUMENTS_ROWS } from './documentsRows';
import { ELIGIBILITY_ROWS } from './eligibilityRows';
import { OFFER_SEARCH_ROWS } from './offerSearchRows';

/**
 * Fast table-driven tests of each form's answers: every row is a short conversation, as people write,
 * played in process with botbuilder-testing's DialogTestClient on the real main dialog, NLU model and
 * feature dialogs (test/support/formTestClient.ts), each row in a new conversation. One file, one bot:
 * the product is loaded once for the three forms. The HTTP conversation tests (test/conversation/) stay
 * the end-to-end layer.
 */
let bot: FormBot;
beforeAll(async () => {
  bot = await FormBot.start();
});
afterAll(() => bot.stop());

describe('the eligibility form, answered as people write', () => {
  test.each(ELIGIBILITY_ROWS)('%s', async (_name, steps) => {
    await play(bot.conversation(), steps);
  });
});

describe('the documents form, answered as people write', () => {
  test.each(DOCUMENTS_ROWS)('%s', async (_name, steps) => {
    await play(bot.conversation(), steps);
  });
});

describe('the offer search form, answered as people write', () => {
  test.each(OFFER_SEARCH_ROWS)('%s', async (_name, steps) => {
    await play(bot.conversation(), steps);
  });
});
