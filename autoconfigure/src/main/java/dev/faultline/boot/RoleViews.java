package dev.faultline.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * Narrow views of a store: an object that implements only one role interface and forwards
 * to the store. A storage component's roles are usually one object implementing every
 * role (the DuckDB store is each of them), so a bean of that object would match every
 * role type; a view matches its own role only, which lets the wiring hand out one bean
 * per role and keeps a caller from casting its role back to the whole store.
 */
final class RoleViews {

	private RoleViews() {
	}

	/**
	 * Returns a view of {@code store} as {@code role}: calls of the role's methods
	 * (default methods included) reach the store unchanged, exceptions included.
	 * @param <T> the role type
	 * @param role the role interface
	 * @param store the store playing the role
	 * @return the view; equal only to itself
	 */
	static <T> T of(Class<T> role, T store) {
		Objects.requireNonNull(store, "store");
		return role
			.cast(Proxy.newProxyInstance(role.getClassLoader(), new Class<?>[] { role }, (proxy, method, arguments) -> {
				if (method.getDeclaringClass() == Object.class) {
					return switch (method.getName()) {
						case "equals" -> proxy == arguments[0];
						case "hashCode" -> System.identityHashCode(proxy);
						default -> role.getSimpleName() + " view of " + store;
					};
				}
				try {
					return method.invoke(store, arguments);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			}));
	}

}
