package dev.faultline.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A loopback TCP proxy in front of an engine, for outages the test controls: while
 * {@link #down()} every open connection is cut and new ones are refused (the port is
 * closed), as a restarting or unreachable server looks to its clients; {@link #up()}
 * listens on the same port again. Used where the engine itself is shared or cannot be
 * stopped by a test (the machine's PostgreSQL, libchdb inside the test JVM).
 */
final class TcpProxy implements AutoCloseable {

	private final int port;

	private final InetSocketAddress target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ServerSocket listener;

	private TcpProxy(int port, InetSocketAddress target) {
		this.port = port;
		this.target = target;
	}

	/** Starts a proxy on a free loopback port to {@code host:port}. */
	static TcpProxy start(String host, int port) {
		TcpProxy proxy = new TcpProxy(FreePort.find(), new InetSocketAddress(host, port));
		proxy.up();
		return proxy;
	}

	int port() {
		return this.port;
	}

	/** Listens again on the proxy's port. */
	synchronized void up() {
		if (this.listener != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 100);
			this.listener = socket;
			Thread accepter = new Thread(() -> accept(socket), "proxy-accept-" + this.port);
			accepter.setDaemon(true);
			accepter.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot listen on " + this.port, ex);
		}
	}

	/** Cuts every connection and stops listening. */
	synchronized void down() {
		ServerSocket socket = this.listener;
		this.listener = null;
		closeQuietly(socket);
		this.open.forEach(TcpProxy::closeQuietly);
		this.open.clear();
	}

	@Override
	public void close() {
		down();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			Socket client;
			try {
				client = socket.accept();
			}
			catch (IOException ex) {
				return;
			}
			Socket server = new Socket();
			try {
				server.connect(this.target, 5_000);
			}
			catch (IOException ex) {
				closeQuietly(client);
				closeQuietly(server);
				continue;
			}
			this.open.add(client);
			this.open.add(server);
			pipe(client, server);
			pipe(server, client);
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// The other side or down() closed the connection.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "proxy-pipe-" + this.port);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing for good.
		}
	}

}
