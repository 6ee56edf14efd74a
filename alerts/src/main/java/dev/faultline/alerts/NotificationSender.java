package dev.faultline.alerts;

import dev.faultline.storage.alert.NewNotification;

/**
 * Delivers a notification of one or more channels. Implementations are thread-safe and
 * bound every network wait.
 */
public interface NotificationSender {

	/**
	 * @throws DeliveryException when it was not delivered
	 */
	void send(NewNotification notification) throws DeliveryException;

}
