/** An error Hocuspocus turns into a close/permission-denied message with this reason. */
export class CollabRefusal extends Error {
  readonly reason: string;
  readonly code: number;
  constructor(reason: string, message: string, code = 4403) {
    super(message);
    this.reason = reason;
    this.code = code;
  }
}
