package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The browser's asset problems, read from resource spans.
 * <ul>
 * <li>{@link #renderBlocking()}: on a page load whose first contentful paint came between
 * {@code renderBlockingFcpMinMillis} and {@code renderBlockingFcpMaxMillis}, a script or
 * stylesheet that blocked rendering, started before the paint, took at least
 * {@code renderBlockingFcpRatio} of it and weighs at least
 * {@code renderBlockingMinBytes}.</li>
 * <li>{@link #uncompressed()}: a script or stylesheet of at least
 * {@code uncompressedAssetSizeBytes} sent uncompressed (its size on the wire equals its
 * decoded size) that took at least {@code uncompressedAssetDurationMillis}.</li>
 * </ul>
 * Both group by the asset's parameterized URL.
 */
final class AssetDetectors {

	private AssetDetectors() {
	}

	static SpanDetector renderBlocking() {
		return (segment, settings) -> {
			List<PerformanceProblem> problems = new ArrayList<>();
			Double fcp = segment.firstContentfulPaint();
			if (!settings.renderBlockingAssetEnabled() || !segment.op().equals("pageload") || fcp == null
					|| fcp < settings.renderBlockingFcpMinMillis() || fcp > settings.renderBlockingFcpMaxMillis()) {
				return problems;
			}
			double paintedAt = segment.startMillis() + fcp;
			for (ObservedSpan span : segment.spans()) {
				if ((span.isOp("resource.link") || span.isOp("resource.script")) && span.renderBlocking()
						&& span.startMillis() < paintedAt
						&& span.durationMillis() / fcp >= settings.renderBlockingFcpRatio()
						&& span.encodedBodySize() >= settings.renderBlockingMinBytes()) {
					problems.add(problem(ProblemType.RENDER_BLOCKING_ASSET, span));
				}
			}
			return problems;
		};
	}

	static SpanDetector uncompressed() {
		return (segment, settings) -> {
			List<PerformanceProblem> problems = new ArrayList<>();
			if (!settings.uncompressedAssetEnabled()) {
				return problems;
			}
			for (ObservedSpan span : segment.spans()) {
				boolean asset = span.isOp("resource.script") || span.isOp("resource.css")
						|| (span.isOp("resource.link") && extension(span.description()) != null);
				if (asset && span.encodedBodySize() > 0 && span.encodedBodySize() == span.decodedBodySize()
						&& span.encodedBodySize() >= settings.uncompressedAssetSizeBytes()
						&& span.durationMillis() >= settings.uncompressedAssetDurationMillis()) {
					problems.add(problem(ProblemType.UNCOMPRESSED_ASSET, span));
				}
			}
			return problems;
		};
	}

	private static PerformanceProblem problem(ProblemType type, ObservedSpan span) {
		String url = Parameterized.url(span.description());
		return new PerformanceProblem(type, type.slug() + "\n" + span.op() + "\n" + url, url, span.op(),
				List.of(span.spanId()), List.of(), Spans.parents(List.of(span)));
	}

	// A stylesheet loaded by a link element: only .css counts as an asset to compress.
	private static @Nullable String extension(String url) {
		String path = Parameterized.url(url);
		return path.endsWith(".css") ? ".css" : null;
	}

}
