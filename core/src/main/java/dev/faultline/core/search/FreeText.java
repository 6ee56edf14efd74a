package dev.faultline.core.search;

import java.util.Objects;

/**
 * A bare word or quoted phrase: the issue matches when its title, message or culprit
 * contains the text, ignoring case. A {@code *} inside the text matches any run of
 * characters.
 *
 * @param text the word or phrase, unquoted; never empty
 */
public record FreeText(String text) implements SearchTerm {

	public FreeText {
		Objects.requireNonNull(text, "text");
		if (text.isEmpty()) {
			throw new IllegalArgumentException("free text must not be empty");
		}
	}

	@Override
	public Scope scope() {
		return Scope.EVENT;
	}

}
