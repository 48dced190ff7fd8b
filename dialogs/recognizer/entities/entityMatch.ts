/** Where an entity was found in the text the user typed, and what it means. */
export interface EntityMatch<T> {
  value: T;
  /** Offsets in the original text (UTF-16 code units), end excluded. */
  start: number;
  end: number;
}
