// The domain errors services throw; src/app.ts maps them to statuses.

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly status: 400 | 403 | 404 | 409 | 422 = 400;
  readonly code: string = "invalid";
}

export class NotFoundError extends DomainError {
  override readonly status = 404;
  override readonly code = "not-found";
}

export class ForbiddenError extends DomainError {
  override readonly status = 403;
  override readonly code = "forbidden";
}

export class ConflictError extends DomainError {
  override readonly status = 409;
  override readonly code: string = "conflict";
}

/** Bad input the user can fix: carries a message per form field. */
export class InvalidError extends DomainError {
  override readonly status = 422;
  override readonly code = "invalid";
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}
