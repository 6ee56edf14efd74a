package dev.faultline.storage.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The durable outbox of notifications: written before anything is sent, claimed by
 * dispatchers for a lease, then marked. A dispatcher that dies holding a claim loses it
 * when the lease ends, and the notification is claimed again; so a notification is sent
 * at least once, and twice only when a process died between sending and marking it. Every
 * method is one transaction; thread-safe and safe across processes.
 */
public interface NotificationOutbox {

	/**
	 * Adds a pending notification due at {@code at}; false (and nothing added) when its
	 * idempotency key is already in the outbox.
	 */
	boolean enqueue(NewNotification notification, Instant at);

	/**
	 * Claims up to {@code limit} pending notifications due at {@code now} that nobody
	 * holds, oldest first, for {@code lease}; of concurrent claimers each notification
	 * goes to one.
	 */
	List<Notification> claim(Instant now, Duration lease, int limit);

	/**
	 * Records a delivery: the notification is sent and leaves the outbox's due list.
	 */
	void markSent(long id, Instant at);

	/**
	 * Records a failed attempt: due again at {@code retryAt}, or, when that is null,
	 * failed for good.
	 */
	void markAttemptFailed(long id, String error, @Nullable Instant retryAt);

	/**
	 * The organization's notifications, newest first, at most {@code limit}.
	 */
	List<Notification> listForOrganization(long organizationId, int limit);

	/**
	 * The notifications an issue alert rule caused, newest first, at most {@code limit}.
	 */
	List<Notification> listForRule(long ruleId, int limit);

	/**
	 * The notifications sent through an integration, newest first, at most {@code limit}.
	 */
	List<Notification> listForIntegration(long integrationId, int limit);

}
