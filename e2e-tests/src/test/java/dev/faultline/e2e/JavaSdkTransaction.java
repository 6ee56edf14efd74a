package dev.faultline.e2e;

import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.TransactionOptions;

/**
 * A transaction sent by the official {@code io.sentry:sentry} SDK: {@code POST /orders}
 * with a database query whose connection checkout is nested under it, a serialization
 * span beside it, and an error captured while the nested span is active.
 */
final class JavaSdkTransaction {

	private JavaSdkTransaction() {
	}

	/**
	 * Sends the transaction and the error; returns the trace id.
	 */
	static String send(String dsn) throws InterruptedException {
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setRelease("e2e-trace@1.0.0");
			options.setEnvironment("e2e");
			options.setTracesSampleRate(1.0);
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			TransactionOptions bound = new TransactionOptions();
			bound.setBindToScope(true);
			ITransaction transaction = Sentry.startTransaction("POST /orders", "http.server", bound);
			ISpan query = transaction.startChild("db.query", "INSERT INTO orders VALUES (?)");
			ISpan connection = query.startChild("db.connection", "checkout a connection");
			Thread.sleep(5);
			Sentry.captureException(new IllegalStateException("Connection pool exhausted for order ord-9"));
			connection.finish(SpanStatus.INTERNAL_ERROR);
			query.finish(SpanStatus.OK);
			ISpan serialize = transaction.startChild("serialize", "encode the response");
			Thread.sleep(2);
			serialize.finish();
			transaction.finish(SpanStatus.INTERNAL_ERROR);
			Sentry.flush(20_000);
			return transaction.getSpanContext().getTraceId().toString();
		}
		finally {
			Sentry.close();
		}
	}

}
