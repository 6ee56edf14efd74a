package dev.faultline.storage.duckdb;

/**
 * The DuckDB event database failed an operation; the cause carries the engine's error.
 */
public class DuckDbAccessException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DuckDbAccessException(String message, Throwable cause) {
		super(message, cause);
	}

}
