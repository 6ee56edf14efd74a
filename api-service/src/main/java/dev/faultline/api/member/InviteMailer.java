package dev.faultline.api.member;

/**
 * Sends an invitation by email. A small port of the member feature's own, so the SMTP
 * client can be replaced or shared without touching the invitation rules.
 */
public interface InviteMailer {

	/**
	 * Whether invitations can be mailed at all (an SMTP server is configured).
	 */
	boolean isConfigured();

	/**
	 * Sends the invitation; never throws.
	 * @return whether the server accepted the message
	 */
	boolean send(InviteMail mail);

	/**
	 * An invitation to send.
	 *
	 * @param link the page that accepts it
	 */
	record InviteMail(String to, String organizationName, String inviterName, String role, String link) {

	}

}
