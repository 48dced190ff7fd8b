import { helpdeskAvailability } from '../../services/helpdesk/openingHours';

describe('the helpdesk opening hours (services/helpdesk/data/openingHours.json, French public holidays)', () => {
  it.each`
    now                         | expected
    ${'2026-12-07T10:00:00Z'}   | ${{ open: true, closesAt: { date: '2026-12-07', hour: 18, minute: 0 } }}
    ${'2026-12-07T17:30:00Z'}   | ${{ open: false, day: 'tomorrow', opensAt: { date: '2026-12-08', hour: 9 } }}
    ${'2026-12-08T06:00:00Z'}   | ${{ open: false, day: 'today', opensAt: { date: '2026-12-08', hour: 9 } }}
    ${'2026-12-05T10:00:00Z'}   | ${{ open: false, day: 'later', opensAt: { date: '2026-12-07', weekday: 1, hour: 9 } }}
    ${'2026-12-24T18:30:00Z'}   | ${{ open: false, day: 'later', opensAt: { date: '2026-12-28', weekday: 1, hour: 9 } }}
    ${'2027-05-05T17:30:00Z'}   | ${{ open: false, day: 'later', opensAt: { date: '2027-05-07', hour: 9 } }}
  `('at $now (UTC)', ({ now, expected }) => {
    expect(helpdeskAvailability(new Date(now))).toMatchObject(expected);
  });
});
