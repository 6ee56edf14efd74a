package dev.faultline.storage.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of SQL and its bound parameters, in placeholder order. The SQL holds no value,
 * only trusted text and the dialect's placeholders: JDBC {@code ?} (bind
 * {@link #parameters()} in order) or ClickHouse {@code {p0:String}} (pass
 * {@link #namedParameters()}).
 *
 * @param sql the SQL
 * @param parameters the values ({@link String}, {@link Long}, {@link Double}) in
 * placeholder order
 */
public record SqlFragment(String sql, List<Object> parameters) {

	public SqlFragment {
		Objects.requireNonNull(sql, "sql");
		parameters = List.copyOf(parameters);
	}

	/**
	 * Returns the name of the parameter at {@code index} for dialects with named
	 * placeholders.
	 * @param index the 0-based index in {@link #parameters()}
	 * @return {@code p0}, {@code p1}…
	 */
	public static String parameterName(int index) {
		return "p" + index;
	}

	/**
	 * Returns the parameters by name ({@code p0}, {@code p1}…).
	 * @return the parameters in order, by {@link #parameterName(int)}
	 */
	public Map<String, Object> namedParameters() {
		Map<String, Object> named = new LinkedHashMap<>();
		for (int i = 0; i < this.parameters.size(); i++) {
			named.put(parameterName(i), this.parameters.get(i));
		}
		return named;
	}

}
