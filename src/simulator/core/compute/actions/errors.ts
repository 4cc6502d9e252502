/**
 * What the core answers when Nova would refuse a request. The core knows nothing of HTTP
 * frameworks; the service layer turns a ComputeError into Nova's fault body with the same status.
 */
export class ComputeError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ComputeError';
  }
}

export const invalidRequest = (message: string) => new ComputeError(400, message);
export const forbidden = (message: string) => new ComputeError(403, message);
export const notFound = (message: string) => new ComputeError(404, message);
export const conflict = (message: string) => new ComputeError(409, message);
