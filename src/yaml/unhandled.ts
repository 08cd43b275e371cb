// The fast reader's way out: thrown when input leaves the subset it reads with certainty, so that the caller
// can hand the whole file to the reference parser instead.

export class Unhandled extends Error {
  constructor(
    /** a short, stable description of the construct or error met */
    readonly reason: string,
    /** offset where it was met */
    readonly at: number,
  ) {
    super(`${reason} at offset ${at}`)
  }
}
