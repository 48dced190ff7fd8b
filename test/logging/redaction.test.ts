import { redactText } from '../../services/privacy/redact';
import { capturingLogger } from '../support/silentLogger';

/**
 * No personal datum reaches a log line, however it is typed and wherever it sits in the record
 * (message, interpolation argument, nested field, logged error); ordinary housing talk is kept as is.
 */

interface Secret {
  shape: string;
  value: string;
  placeholder: string;
}

const SECRETS: Secret[] = [
  { shape: 'a NUR typed in one block', value: '0691124000101GDPUB', placeholder: '[NUR]' },
  { shape: 'a NUR with spaces, in lower case', value: '069 1124 000101 gdpub', placeholder: '[NUR]' },
  { shape: 'a NUR with dashes', value: '069-1124-000101-GDPUB', placeholder: '[NUR]' },
  { shape: 'an e-mail address', value: 'jeanne.martin+alin@exemple.fr', placeholder: '[EMAIL]' },
  { shape: 'an e-mail address on a domain that starts like a Teams id', value: 'bob@thread.v2.exemple.org', placeholder: '[EMAIL]' },
  { shape: 'a French mobile number', value: '06 12 34 56 78', placeholder: '[PHONE]' },
  { shape: 'a French mobile number in international form', value: '+33 6 12 34 56 78', placeholder: '[PHONE]' },
  { shape: 'a French mobile number with dots', value: '06.12.34.56.78', placeholder: '[PHONE]' },
  { shape: 'a French number with the 0033 prefix', value: '0033 6 12 34 56 78', placeholder: '[PHONE]' },
  { shape: 'a French number written +33 (0)', value: '+33 (0)1 23 45 67 89', placeholder: '[PHONE]' },
  { shape: 'an IBAN in groups of four', value: 'FR76 3000 6000 0112 3456 7890 189', placeholder: '[IBAN]' },
  { shape: 'an IBAN in one block', value: 'FR7630006000011234567890189', placeholder: '[IBAN]' },
  { shape: 'a social security number', value: '1 85 05 78 006 084 36', placeholder: '[SSN]' },
  { shape: 'a card number', value: '4970 1012 3456 7890', placeholder: '[CARD]' },
];

const ORDINARY = 'T3 à Lyon, 750 €, 69003';

/** The parts of a line that come from the caller (time, pid and host are the logger's own). */
function callerPart(line: string): Record<string, unknown> {
  const { time: _time, pid: _pid, hostname: _hostname, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return rest;
}

/** The value's letters and digits: catches a datum that survived with its separators changed or dropped. */
const core = (text: string) => text.replace(/[^0-9a-z]/gi, '').toLowerCase();

function expectNoTraceOf(secret: Secret, lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const text = JSON.stringify(callerPart(line));
    expect(text).not.toContain(secret.value);
    expect(core(text)).not.toContain(core(secret.value));
  }
}

describe.each(SECRETS)('logging $shape', (secret) => {
  const sentence = `mon dossier : ${secret.value}, merci`;

  it('keeps it out of the message and shows the placeholder instead', () => {
    const { logger, lines } = capturingLogger();
    logger.info(sentence);
    expectNoTraceOf(secret, lines());
    expect(callerPart(lines()[0]!).msg).toBe(`mon dossier : ${secret.placeholder}, merci`);
  });

  it('keeps it out of a message built from an interpolation argument', () => {
    const { logger, lines } = capturingLogger();
    logger.info('user typed %s', secret.value);
    expectNoTraceOf(secret, lines());
    expect(callerPart(lines()[0]!).msg).toBe(`user typed ${secret.placeholder}`);
  });

  it('keeps it out of nested fields and arrays', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ activity: { value: { answer: sentence, history: [secret.value, { said: sentence }] } } }, 'card submitted');
    expectNoTraceOf(secret, lines());
    expect(callerPart(lines()[0]!).activity).toEqual({
      value: {
        answer: `mon dossier : ${secret.placeholder}, merci`,
        history: [secret.placeholder, { said: `mon dossier : ${secret.placeholder}, merci` }],
      },
    });
  });

  it('keeps it out of the message and stack of an error logged as err', () => {
    const { logger, lines } = capturingLogger();
    logger.error({ err: new Error(`lookup failed for ${secret.value}`), conversationId: 'c-1' }, 'turn failed');
    expectNoTraceOf(secret, lines());
    const err = callerPart(lines()[0]!).err as { message: string; stack: string };
    expect(err.message).toBe(`lookup failed for ${secret.placeholder}`);
    expect(err.stack).toContain(`lookup failed for ${secret.placeholder}`);
  });

  it('keeps it out of the message pino copies from an error logged without a message', () => {
    const { logger, lines } = capturingLogger();
    logger.error({ err: new Error(`lookup failed for ${secret.value}`) });
    logger.error(new Error(`lookup failed for ${secret.value}`));
    expectNoTraceOf(secret, lines());
    expect(lines().map((line) => callerPart(line).msg)).toEqual([`lookup failed for ${secret.placeholder}`, `lookup failed for ${secret.placeholder}`]);
  });

  it('keeps it out of the bindings of a child logger', () => {
    const { logger, lines } = capturingLogger();
    logger.child({ note: sentence }).info('turn started');
    expectNoTraceOf(secret, lines());
  });
});

describe('logging ordinary text', () => {
  it('leaves a housing request untouched in the message and in fields', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ request: { summary: ORDINARY, rooms: 'T3', rent: 750, postcode: '69003' } }, ORDINARY);
    const logged = callerPart(lines()[0]!);
    expect(logged.msg).toBe(ORDINARY);
    expect(logged.request).toEqual({ summary: ORDINARY, rooms: 'T3', rent: 750, postcode: '69003' });
  });

  it.each([
    ORDINARY,
    'Loyer 612,50 € charges comprises, 2 enfants, demande du 12/03/2024',
    'Logement 4 pièces de 82 m² au 3e étage, 13008 Marseille',
    'conversation msteams:19:a1b2c3d4e5f6@thread.tacv2 failed',
    'conversation msteams:19:3f2a_9c1d@unq.gbl.spaces failed',
  ])('does not mistake "%s" for personal data', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('logging fields known to hold personal data', () => {
  it('censors them by name whatever their content', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ email: 'not-an-address', user: { phone: 'appelle-moi', income: 23_456, nur: 'x' }, text: ORDINARY }, 'profile');
    const logged = callerPart(lines()[0]!);
    expect(logged.email).toBe('[REDACTED]');
    expect(logged.text).toBe('[REDACTED]');
    expect(logged.user).toEqual({ phone: '[REDACTED]', income: '[REDACTED]', nur: '[REDACTED]' });
  });
});
