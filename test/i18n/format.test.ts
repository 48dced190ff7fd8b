import { formatDate, formatDateTime, formatEuros } from '../../dialogs/format';

describe('formatDate', () => {
  it('writes a calendar date in the language asked, the same each time', () => {
    expect(formatDate('2026-11-23', 'fr')).toBe('23 novembre 2026');
    expect(formatDate('2026-11-23', 'en')).toBe('23 November 2026');
    expect(formatDate('2026-11-23', 'fr')).toBe('23 novembre 2026');
    expect(formatDate('2026-12-01', 'fr')).toBe('1 décembre 2026');
  });

  it('reads an instant in Paris time', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDate('2026-12-31T23:30:00Z', 'fr')).toBe('1 janvier 2027');
    expect(formatDate(new Date('2026-12-31T22:30:00Z'), 'en')).toBe('31 December 2026');
  });

  it('still formats new dates after remembering many', () => {
    for (let day = 0; day < 2500; day++) formatDate(new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10), 'fr');
    expect(formatDate('2026-11-23', 'fr')).toBe('23 novembre 2026');
  });
});

describe('formatDateTime and formatEuros', () => {
  it('gives the minute in Paris time and amounts in euros', () => {
    expect(formatDateTime('2026-11-23T13:05:00Z', 'fr')).toBe('23 novembre 2026 14:05');
    expect(formatEuros(37584, 'en')).toBe('€37,584');
  });
});
