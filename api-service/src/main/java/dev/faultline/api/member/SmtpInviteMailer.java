package dev.faultline.api.member;

import java.util.Properties;

import dev.faultline.api.organization.PeopleProperties;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@link InviteMailer} over SMTP (Jakarta Mail), configured by
 * {@code faultline.people.mail.*}. Without a host it is not configured and sends nothing.
 * A failed delivery is logged (recipient only, never the link) and reported as false.
 * Thread-safe.
 */
@Component
class SmtpInviteMailer implements InviteMailer {

	private static final Logger logger = LoggerFactory.getLogger(SmtpInviteMailer.class);

	private final PeopleProperties.Mail mail;

	SmtpInviteMailer(PeopleProperties properties) {
		this.mail = properties.mail();
	}

	@Override
	public boolean isConfigured() {
		return this.mail.configured();
	}

	@Override
	public boolean send(InviteMail invite) {
		if (!isConfigured()) {
			return false;
		}
		try {
			MimeMessage message = new MimeMessage(session());
			message.setFrom(new InternetAddress(this.mail.from()));
			message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(invite.to()));
			message.setSubject("Join " + invite.organizationName() + " on Faultline", "UTF-8");
			message.setText(invite.inviterName() + " invited you to join " + invite.organizationName()
					+ " on Faultline as " + invite.role() + ".\n\nAccept the invitation:\n" + invite.link()
					+ "\n\nIf you did not expect this, ignore this message.\n", "UTF-8");
			Transport.send(message);
			return true;
		}
		catch (MessagingException | RuntimeException ex) {
			logger.warn("Could not mail the invitation to {}: {}", invite.to(), ex.getMessage());
			return false;
		}
	}

	private Session session() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", this.mail.host());
		properties.put("mail.smtp.port", Integer.toString(this.mail.port()));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		if (this.mail.startTls()) {
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
		}
		String username = this.mail.username();
		String password = this.mail.password();
		if (username != null && !username.isEmpty()) {
			properties.put("mail.smtp.auth", "true");
			return Session.getInstance(properties, new Authenticator() {
				@Override
				protected PasswordAuthentication getPasswordAuthentication() {
					return new PasswordAuthentication(username, (password != null) ? password : "");
				}
			});
		}
		return Session.getInstance(properties);
	}

}
