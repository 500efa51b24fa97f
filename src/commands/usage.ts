// A command was asked for something it cannot do with these arguments (an unknown id in an
// option, an --out file that cannot be written): the message says what to change, and the exit
// status is 2, as for every usage mistake. The message is in the language of the command's reader.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
