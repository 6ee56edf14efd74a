/**
 * The metadata stores written once over JDBC and shared by the SQLite and PostgreSQL
 * adapters. Only ANSI-ish SQL that both engines run identically is used here
 * ({@code INSERT … ON CONFLICT}, {@code RETURNING}, epoch-millisecond timestamps); how
 * connections are obtained and how writes are serialized belongs to the adapter through
 * {@link dev.faultline.storage.jdbc.JdbcDatabase}.
 */
@NullMarked
package dev.faultline.storage.jdbc;

import org.jspecify.annotations.NullMarked;
