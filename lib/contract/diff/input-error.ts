/** Input the diff cannot work with (a bad git ref, a folder outside the repository): the CLI exits 2. */
export class DiffInputError extends Error {
  override readonly name = 'DiffInputError';
}
