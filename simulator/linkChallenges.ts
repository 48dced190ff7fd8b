import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { maskEmail } from './maskEmail';

/**
 * The linking challenge: a one-time code sent to the contact on file proves the user owns the NUR.
 * Unknown numbers get a challenge of the same shape that can never succeed, so the answer reveals
 * nothing about which numbers exist.
 */

export const CHALLENGE_VALIDITY_MS = 10 * 60 * 1000;
export const MAX_WRONG_ATTEMPTS = 5;
const OUTBOX_SIZE = 200;

export interface ChallengeIssued {
  challengeId: string;
  maskedDestination: string;
  expiresAt: string;
}

export interface OutboxMessage {
  challengeId: string;
  maskedDestination: string;
  code: string;
  sentAt: string;
  expiresAt: string;
}

export type VerificationOutcome =
  | { outcome: 'verified'; applicantId: string }
  | { outcome: 'wrongCode'; attemptsLeft: number }
  | { outcome: 'locked' }
  | { outcome: 'expired' }
  | { outcome: 'used' }
  | { outcome: 'notFound' };

interface Challenge {
  id: string;
  /** Null for an unknown number: no code can verify it. */
  applicantId: string | null;
  code: string;
  expiresAt: Date;
  wrongAttempts: number;
  used: boolean;
}

export class LinkChallenges {
  private readonly challenges = new Map<string, Challenge>();
  private readonly sent: OutboxMessage[] = [];
  // Keyed per process so decoy destinations are stable for a number yet unguessable from outside.
  private readonly decoyKey = randomBytes(32);

  constructor(private readonly now: () => Date) {}

  /** `holder` is the applicant behind the number, undefined when the number is unknown. */
  start(nur: string, holder: { applicantId: string; email: string } | undefined): ChallengeIssued {
    const issuedAt = this.now();
    const challenge: Challenge = {
      id: randomUUID(),
      applicantId: holder?.applicantId ?? null,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      expiresAt: new Date(issuedAt.getTime() + CHALLENGE_VALIDITY_MS),
      wrongAttempts: 0,
      used: false,
    };
    this.challenges.set(challenge.id, challenge);
    const maskedDestination = holder ? maskEmail(holder.email) : this.decoyDestination(nur);
    if (holder) {
      this.sent.unshift({
        challengeId: challenge.id,
        maskedDestination,
        code: challenge.code,
        sentAt: issuedAt.toISOString(),
        expiresAt: challenge.expiresAt.toISOString(),
      });
      this.sent.length = Math.min(this.sent.length, OUTBOX_SIZE);
    }
    return { challengeId: challenge.id, maskedDestination, expiresAt: challenge.expiresAt.toISOString() };
  }

  verify(challengeId: string, code: string): VerificationOutcome {
    const challenge = this.challenges.get(challengeId);
    if (!challenge) return { outcome: 'notFound' };
    if (challenge.used) return { outcome: 'used' };
    if (challenge.wrongAttempts >= MAX_WRONG_ATTEMPTS) return { outcome: 'locked' };
    if (this.now() > challenge.expiresAt) return { outcome: 'expired' };
    if (challenge.applicantId !== null && sameCode(code, challenge.code)) {
      challenge.used = true;
      return { outcome: 'verified', applicantId: challenge.applicantId };
    }
    challenge.wrongAttempts += 1;
    if (challenge.wrongAttempts >= MAX_WRONG_ATTEMPTS) return { outcome: 'locked' };
    return { outcome: 'wrongCode', attemptsLeft: MAX_WRONG_ATTEMPTS - challenge.wrongAttempts };
  }

  /** Codes "sent", newest first (simulator only: `GET /dev/outbox`). */
  outbox(challengeId?: string): OutboxMessage[] {
    return this.sent.filter((message) => challengeId === undefined || message.challengeId === challengeId);
  }

  private decoyDestination(nur: string): string {
    const digest = createHmac('sha256', this.decoyKey).update(nur).digest();
    const letter = (byte: number | undefined) => String.fromCharCode(97 + ((byte ?? 0) % 26));
    return `${letter(digest[0])}***@${letter(digest[1])}***${(digest[2] ?? 0) % 4 === 0 ? '.com' : '.fr'}`;
  }
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
