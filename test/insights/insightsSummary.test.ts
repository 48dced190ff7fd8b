import { daysEnding, summarize } from '../../bot/insights/insightsSummary';

describe('the insights summary', () => {
  it('lists the days of a period, oldest first', () => {
    expect(daysEnding('2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('adds up turns per channel, outcomes, the not-understood rate, top intents and feedback per answer', () => {
    const summary = summarize(
      [
        {
          day: '2026-12-06',
          counts: { 'turn|webchat|message': 6, 'turn|webchat|cardSubmit': 2, 'turn|msteams|message': 2, 'intent|status': 3, 'intent|none': 2, 'intent|faq': 4, 'outcome|notUnderstood': 2, 'outcome|handoff': 1 },
          maxima: {},
        },
        { day: '2026-12-07', counts: { 'turn|msteams|message': 4, 'intent|status': 2, 'outcome|urgentTicket': 1, 'outcome|answered': 3 }, maxima: {} },
        { day: '2026-12-08', counts: {}, maxima: {} },
      ],
      [
        { 'number-where|fr|webchat|useful': 3, 'number-where|en|msteams|notUseful': 1, 'number-where|fr|webchat|reason:unclear': 1 },
        { 'renewal-how|fr|msteams|useful': 1, 'number-where|fr|webchat|useful': 1 },
        {},
      ],
    );
    expect(summary.from).toBe('2026-12-06');
    expect(summary.to).toBe('2026-12-08');
    expect(summary.channels).toEqual(['msteams', 'webchat']);
    expect(summary.perDay.map((day) => [day.day, day.turns, day.byChannel, day.cardSubmits, day.notUnderstoodRate])).toEqual([
      ['2026-12-06', 10, { webchat: 8, msteams: 2 }, 2, 0.2],
      ['2026-12-07', 4, { msteams: 4 }, 0, 0],
      ['2026-12-08', 0, {}, 0, null],
    ]);
    expect(summary.totals).toMatchObject({ turns: 14, cardSubmits: 2, notUnderstood: 2, notUnderstoodRate: 0.143, handoffs: 1, urgentTickets: 1, answered: 3, useful: 5, notUseful: 1 });
    // `none` is the not-understood rate's business, not a request.
    expect(summary.topIntents).toEqual([
      { intent: 'status', count: 5 },
      { intent: 'faq', count: 4 },
    ]);
    expect(summary.feedback).toEqual([
      { answer: 'number-where', useful: 4, notUseful: 1, reasons: { unclear: 1 } },
      { answer: 'renewal-how', useful: 1, notUseful: 0, reasons: {} },
    ]);
  });

  it('gives each portal operation its count, failures, average, approximate p95 and maximum, slowest first', () => {
    const counts: Record<string, number> = {
      'portal|alin|searchOffers|count': 20,
      'portal|alin|searchOffers|failed': 1,
      'portal|alin|searchOffers|totalMs': 3000,
      'portal|alin|searchOffers|le|100': 18,
      'portal|alin|searchOffers|le|500': 1,
      'portal|alin|searchOffers|le|2000': 1,
      'portal|sne|getRequest|count': 2,
      'portal|sne|getRequest|totalMs': 60,
      'portal|sne|getRequest|le|50': 2,
    };
    const { portalCalls, totals } = summarize([{ day: '2026-12-07', counts, maxima: { 'portal|alin|searchOffers': 1800, 'portal|sne|getRequest': 35 } }], [{}]);
    expect(portalCalls).toEqual([
      // 19 of 20 calls within 500 ms: the 95th percentile is in that bucket.
      { api: 'alin', operation: 'searchOffers', count: 20, failed: 1, avgMs: 150, p95Ms: 500, maxMs: 1800 },
      // Under the first bound, the maximum says more than the bound.
      { api: 'sne', operation: 'getRequest', count: 2, failed: 0, avgMs: 30, p95Ms: 35, maxMs: 35 },
    ]);
    expect(totals).toMatchObject({ portalCalls: 22, portalFailures: 1 });
  });
});
