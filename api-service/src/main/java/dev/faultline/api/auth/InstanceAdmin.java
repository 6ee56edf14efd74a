package dev.faultline.api.auth;

import dev.faultline.api.web.ApiException;
import dev.faultline.boot.FaultlineProperties;

import org.springframework.stereotype.Component;

/**
 * The one check for what belongs to the instance rather than to an organization (dead
 * letters, the system's status): the caller must be the instance administrator, the user
 * of {@code faultline.admin.email}, and a token must also carry {@code org:admin}. No
 * organization role is enough, since these span every organization.
 */
@Component
public class InstanceAdmin {

	private static final String ADMIN_SCOPE = "org:admin";

	private final String adminEmail;

	InstanceAdmin(FaultlineProperties properties) {
		this.adminEmail = properties.admin().email();
	}

	/**
	 * @throws ApiException 403 when the caller is not the instance administrator, or uses
	 * a token without {@code org:admin}
	 */
	public void require(Caller caller) {
		if (!caller.user().email().equalsIgnoreCase(this.adminEmail)) {
			throw ApiException.forbidden();
		}
		if (!caller.isSession()) {
			caller.requireScope(ADMIN_SCOPE);
		}
	}

}
