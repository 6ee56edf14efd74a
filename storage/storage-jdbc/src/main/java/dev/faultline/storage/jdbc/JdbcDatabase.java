package dev.faultline.storage.jdbc;

/**
 * How the JDBC stores reach their database; each adapter provides one.
 *
 * <p>
 * {@link #read} runs work on a connection in auto-commit mode; the work must not write.
 * {@link #write} runs work in one transaction: committed when the work returns, rolled
 * back when it throws (the exception is rethrown, a {@link java.sql.SQLException} wrapped
 * in {@link MetadataAccessException}). Work may call {@code rollback()} itself to discard
 * what it did and go on in a fresh transaction. Implementations are thread-safe; an
 * adapter over an engine with a single writer (SQLite) serializes writes here.
 */
public interface JdbcDatabase extends AutoCloseable {

	<T> T read(SqlWork<T> work);

	<T> T write(SqlWork<T> work);

	/**
	 * Whether the database answers a trivial query now; never throws.
	 */
	boolean isHealthy();

	/**
	 * Releases every connection; idempotent. Later calls to {@link #read} or
	 * {@link #write} fail.
	 */
	@Override
	void close();

}
