/** Shapes shared by the casework rules (issue 5). */

/** A text for people in both interface languages; Norwegian bokmål first. */
export interface CaseworkText {
  nb: string;
  en: string;
}

/** One problem with an input: where, a stable code for programs, and a Norwegian message for people. */
export interface CaseworkProblem {
  /** Where: ['children', 'minor']; [] for the whole value. */
  path: (string | number)[];
  code: string;
  message: string;
}
