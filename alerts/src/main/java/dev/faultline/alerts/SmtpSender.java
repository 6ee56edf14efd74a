package dev.faultline.alerts;

import java.util.Properties;

import dev.faultline.storage.alert.NewNotification;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends mail notifications over SMTP (Jakarta Mail): a {@code multipart/alternative} of
 * the text and the HTML of the payload, to the notification's destination address, with
 * the notification's idempotency key as a header so a resend after a crash can be told
 * apart. Thread-safe.
 */
public final class SmtpSender implements NotificationSender {

	private final SmtpSettings settings;

	private final Session session;

	public SmtpSender(SmtpSettings settings) {
		this.settings = settings;
		Properties properties = new Properties();
		properties.put("mail.smtp.host", settings.host());
		properties.put("mail.smtp.port", Integer.toString(settings.port()));
		properties.put("mail.smtp.connectiontimeout", Long.toString(settings.timeout().toMillis()));
		properties.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
		properties.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
		properties.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
		if (settings.startTls()) {
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
		}
		this.session = Session.getInstance(properties);
	}

	@Override
	public void send(NewNotification notification) throws DeliveryException {
		if (!this.settings.configured()) {
			throw new DeliveryException("mail is not configured (faultline.alerts.mail.host)", true);
		}
		JsonNode mail;
		try {
			mail = IssueRuleDefinition.JSON.readTree(notification.payload());
		}
		catch (JacksonException ex) {
			throw new DeliveryException("the mail payload is not JSON", true, ex);
		}
		try {
			MimeMessage message = new MimeMessage(this.session);
			message.setFrom(new InternetAddress(this.settings.from()));
			message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notification.destination(), true));
			message.setSubject(mail.path("subject").asString(""), "UTF-8");
			message.setHeader("X-Faultline-Notification", notification.idempotencyKey());
			MimeMultipart alternatives = new MimeMultipart("alternative");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.path("text").asString(""), "UTF-8");
			alternatives.addBodyPart(text);
			MimeBodyPart html = new MimeBodyPart();
			html.setContent(mail.path("html").asString(""), "text/html; charset=UTF-8");
			alternatives.addBodyPart(html);
			message.setContent(alternatives);
			if (this.settings.username() != null) {
				Transport.send(message, this.settings.username(), this.settings.password());
			}
			else {
				Transport.send(message);
			}
		}
		catch (AddressException ex) {
			throw new DeliveryException("invalid address: " + ex.getMessage(), true, ex);
		}
		catch (MessagingException ex) {
			throw new DeliveryException("SMTP: " + ex.getMessage(), false, ex);
		}
	}

}
