package dev.faultline.core.search;

/**
 * The type of a bound parameter, for dialects whose placeholders are typed (ClickHouse's
 * {@code {p0:String}}). Parameters of type {@link #STRING} are {@link String}s, of type
 * {@link #INT64} are {@link Long}s.
 */
public enum SqlType {

	STRING, INT64

}
