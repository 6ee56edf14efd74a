package dev.faultline.storage.clickhouse;

/**
 * The ClickHouse event store failed an operation (server unreachable, query rejected);
 * the cause carries the client's error.
 */
public class ClickHouseAccessException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ClickHouseAccessException(String message, Throwable cause) {
		super(message, cause);
	}

}
