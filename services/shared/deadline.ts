/** What a deadline rejects with: `label` names the work, never its data. */
export class DeadlineExceeded extends Error {
  constructor(
    readonly label: string,
    readonly ms: number,
  ) {
    super(`${label} timed out after ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * `work`, or a DeadlineExceeded rejection after `ms`: the caller stops waiting (the work itself is not
 * cancelled; pair this with the work's own abort where it has one). The timer never outlives the work.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineExceeded(label, ms)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
