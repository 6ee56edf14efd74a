package dev.faultline.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.alert.IntegrationStore;
import dev.faultline.storage.alert.Notification;
import dev.faultline.storage.alert.NotificationOutbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims due notifications for a lease, sends each through
 * its channel's sender and marks it sent, due again after an exponential backoff
 * ({@code backoff} × 2^(attempts − 1), at most an hour), or failed — for good when the
 * destination refused it or after {@code maxAttempts}. The result of each delivery
 * through an integration is recorded on it, so a failing destination shows there. Several
 * dispatchers (replicas) may run on one outbox: each notification goes to one at a time.
 * Thread-safe.
 */
public final class NotificationDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final NotificationOutbox outbox;

	private final IntegrationStore integrations;

	private final Map<String, NotificationSender> senders;

	private final @Nullable NotificationSender fallback;

	private final Clock clock;

	private final Duration lease;

	private final Duration backoff;

	private final int maxAttempts;

	/**
	 * @param senders by channel; {@code fallback} sends every other channel
	 */
	public NotificationDispatcher(NotificationOutbox outbox, IntegrationStore integrations,
			Map<String, NotificationSender> senders, @Nullable NotificationSender fallback, Clock clock, Duration lease,
			Duration backoff, int maxAttempts) {
		this.outbox = outbox;
		this.integrations = integrations;
		this.senders = Map.copyOf(senders);
		this.fallback = fallback;
		this.clock = clock;
		this.lease = lease;
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Sends the notifications due now, up to {@code limit}.
	 * @return how many were claimed
	 */
	public int dispatchDue(int limit) {
		List<Notification> due = this.outbox.claim(this.clock.instant(), this.lease, limit);
		for (Notification notification : due) {
			deliver(notification);
		}
		return due.size();
	}

	private void deliver(Notification notification) {
		NotificationSender sender = this.senders.getOrDefault(notification.spec().channel(), this.fallback);
		Long integrationId = notification.spec().integrationId();
		try {
			if (sender == null) {
				throw new DeliveryException("no sender for channel " + notification.spec().channel(), true);
			}
			sender.send(notification.spec());
			Instant now = this.clock.instant();
			this.outbox.markSent(notification.id(), now);
			if (integrationId != null) {
				this.integrations.recordDelivery(integrationId, now, null);
			}
			logger.debug("Sent notification {} ({})", notification.id(), notification.spec().channel());
		}
		catch (DeliveryException ex) {
			Instant now = this.clock.instant();
			boolean giveUp = ex.permanent() || notification.attempts() >= this.maxAttempts;
			Instant retryAt = giveUp ? null : now.plus(backoffAfter(notification.attempts()));
			this.outbox.markAttemptFailed(notification.id(), ex.getMessage(), retryAt);
			if (integrationId != null) {
				this.integrations.recordDelivery(integrationId, now, ex.getMessage());
			}
			logger.warn("Notification {} ({}) not delivered, attempt {}: {}; {}", notification.id(),
					notification.spec().channel(), notification.attempts(), ex.getMessage(),
					giveUp ? "giving up" : "retrying at " + retryAt);
		}
	}

	Duration backoffAfter(int attempts) {
		Duration delay = this.backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return (delay.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : delay;
	}

}
