package dev.faultline.storage.debugfile;

import java.util.List;
import java.util.Objects;

/**
 * A debug information file to store: what {@link DebugFile} says of it, and its bytes.
 */
public record NewDebugFile(String checksum, String debugId, String symbolType, String objectName, List<String> features,
		byte[] data) {

	public NewDebugFile {
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(debugId, "debugId");
		Objects.requireNonNull(symbolType, "symbolType");
		Objects.requireNonNull(objectName, "objectName");
		Objects.requireNonNull(data, "data");
		features = List.copyOf(features);
	}

}
