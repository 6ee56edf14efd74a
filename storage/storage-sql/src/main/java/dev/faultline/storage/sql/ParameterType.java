package dev.faultline.storage.sql;

/**
 * The type of a bound parameter, for dialects whose placeholders are typed (ClickHouse's
 * {@code {p0:String}}): {@link #STRING} values are {@link String}s, {@link #INT64}
 * {@link Long}s, {@link #FLOAT64} {@link Double}s.
 */
public enum ParameterType {

	STRING, INT64, FLOAT64

}
