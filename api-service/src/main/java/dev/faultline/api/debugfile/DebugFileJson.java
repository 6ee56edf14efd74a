package dev.faultline.api.debugfile;

import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.debugfile.DebugFile;
import org.jspecify.annotations.Nullable;

/**
 * A debug information file as Sentry's debug file endpoints answer it (sentry-cli reads
 * {@code uuid}/{@code debugId}, {@code objectName}, {@code cpuName}, {@code sha1} and
 * {@code data.type}).
 */
record DebugFileJson(String id, String uuid, String debugId, @Nullable String codeId, String cpuName, String objectName,
		String symbolType, Map<String, String> headers, long size, String sha1, String dateCreated, Data data) {

	/** What the file can be used for. */
	record Data(List<String> features) {

	}

	static DebugFileJson of(DebugFile file) {
		return new DebugFileJson(Long.toString(file.id()), file.debugId(), file.debugId(), null, "any",
				file.objectName(), file.symbolType(), Map.of("Content-Type", contentType(file)), file.size(),
				file.checksum(), ApiDates.format(file.dateCreated()), new Data(file.features()));
	}

	static String contentType(DebugFile file) {
		return file.symbolType().equals(DebugFile.PROGUARD) ? "text/x-proguard+plain" : "application/octet-stream";
	}

}
