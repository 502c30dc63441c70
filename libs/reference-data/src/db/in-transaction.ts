import { ConnectionSource, SqlExecutor } from './sql-executor';

/**
 * Runs work in one transaction on a single connection: a DataSource lends one; a QueryRunner
 * already inside a transaction (a migration) is joined instead of committed early.
 */
export async function inTransaction<T>(target: SqlExecutor | ConnectionSource, work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
  if ('createQueryRunner' in target) {
    const runner = target.createQueryRunner();
    await runner.connect();
    try {
      return await inTransaction(runner, work);
    } finally {
      await runner.release();
    }
  }
  if ((target as { isTransactionActive?: boolean }).isTransactionActive) return work(target);
  await target.query('BEGIN');
  try {
    const result = await work(target);
    await target.query('COMMIT');
    return result;
  } catch (error) {
    await target.query('ROLLBACK');
    throw error;
  }
}
