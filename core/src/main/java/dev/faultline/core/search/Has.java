package dev.faultline.core.search;

import java.util.Objects;

/**
 * {@code has:key} (the field or tag is present and not empty) or {@code !has:key} (it is
 * missing or empty).
 *
 * @param key the field or tag
 * @param negated whether the query asked for the key to be absent
 */
public record Has(SearchKey key, boolean negated) implements SearchTerm {

	public Has {
		Objects.requireNonNull(key, "key");
	}

	@Override
	public Scope scope() {
		return this.key.scope();
	}

}
