package dev.faultline.storage.clickhouse;

/**
 * PLACEHOLDER: replaced by the event store adapter work.
 */
public record ClickHouseSettings(String endpoint, String username, String password, String database) {

}
