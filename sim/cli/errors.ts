/** Bad input from the user (a scenario, an option, a folder): exit code 2, a located message, no stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** `trustsim verify` found an output that a rerun does not reproduce byte for byte: exit code 3. */
export class NotReproducedError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * A file-system error the user can fix (no permission, a read-only or full disk), as a message and a hint; null
 * for anything else. Such errors are bad input, not internal errors: exit code 2, no stack trace.
 */
export function fileSystemProblem(e: unknown): { message: string; hint: string } | null {
  const err = e as NodeJS.ErrnoException | null;
  if (err === null || typeof err !== 'object' || typeof err.code !== 'string') return null;
  const where = typeof err.path === 'string' ? ` ${err.path}` : '';
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return {
        message: `permission denied:${where || ' a file or folder'}`,
        hint: 'make the folder writable (chmod -R u+w <folder>), or write elsewhere with --out',
      };
    case 'EROFS':
      return {
        message: `read-only file system:${where || ' the output folder'}`,
        hint: 'write elsewhere with --out',
      };
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        message: `no space left on the disk${where ? ` (writing${where})` : ''}`,
        hint: 'free some space, or write elsewhere with --out',
      };
    default:
      return null;
  }
}
