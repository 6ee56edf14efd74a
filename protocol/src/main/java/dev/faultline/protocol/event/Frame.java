package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One stack frame. Line and column numbers are 1-based; {@code preContext} and
 * {@code postContext} are the source lines around {@code contextLine}.
 *
 * @param filename the file as shown (relative path or URL)
 * @param absPath the absolute path or full URL
 * @param module the module or class (Java: the fully qualified class name)
 * @param packageName the package or library the frame belongs to (native: the image)
 * @param function the function or method name
 * @param rawFunction the unsymbolicated or unmangled name
 * @param symbol the mangled symbol
 * @param platform the frame's platform when it differs from the event's
 * @param lineno the line number
 * @param colno the column number
 * @param contextLine the source line at {@code lineno}
 * @param preContext source lines before it
 * @param postContext source lines after it
 * @param inApp whether it is application code; null when the SDK did not say
 * @param vars local variables by name
 * @param instructionAddr native instruction address (hex text)
 * @param other every other property, verbatim
 */
public record Frame(@Nullable String filename, @Nullable String absPath, @Nullable String module,
		@Nullable String packageName, @Nullable String function, @Nullable String rawFunction, @Nullable String symbol,
		@Nullable String platform, @Nullable Integer lineno, @Nullable Integer colno, @Nullable String contextLine,
		@Nullable List<String> preContext, @Nullable List<String> postContext, @Nullable Boolean inApp,
		@Nullable Map<String, JsonNode> vars, @Nullable String instructionAddr, Map<String, JsonNode> other) {

	public Frame {
		preContext = (preContext != null) ? List.copyOf(preContext) : null;
		postContext = (postContext != null) ? List.copyOf(postContext) : null;
		vars = (vars != null) ? Others.copy(vars) : null;
		other = Others.copy(other);
	}

	/**
	 * Whether the frame is marked as application code (absent reads as no).
	 */
	public boolean isInApp() {
		return Boolean.TRUE.equals(this.inApp);
	}

	/**
	 * The same frame with {@code in_app} set.
	 */
	public Frame withInApp(@Nullable Boolean value) {
		return new Frame(this.filename, this.absPath, this.module, this.packageName, this.function, this.rawFunction,
				this.symbol, this.platform, this.lineno, this.colno, this.contextLine, this.preContext,
				this.postContext, value, this.vars, this.instructionAddr, this.other);
	}

}
