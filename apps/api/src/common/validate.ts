import { errors, type FieldProblem } from './errors';

/**
 * Collects field problems, then throws them together as one BAD_USER_INPUT (reason VALIDATION):
 * a form shows every mistake at once instead of one per submit.
 */
export class Problems {
  private readonly list: FieldProblem[] = [];

  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.add(field, message);
    return this;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw errors.validation(this.list);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Simple, permissive email shape: something@something.tld, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Trims and collapses inner whitespace of a one-line name. */
export function cleanName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
